package org.kervi.devices.pi4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kervi.api.hardware.DigitalInput;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.IoInUse;

/** What kervi:hardware and kervi:hardware-mock get from the status service, on the mock platform. */
class HardwareStatusComponentTest {
    private final Context context = Pi4jContexts.mock();
    private final IoOwners owners = new IoOwners();
    private final Hardware hardware = new Pi4jHardware(context, "mock", Path.of("/nonexistent"));
    private final HardwareStatusComponent status = new HardwareStatusComponent(new Pi4jPlatform() {
        @Override
        public String platform() {
            return "mock";
        }

        @Override
        public Context context() {
            return context;
        }

        @Override
        public Hardware hardware() {
            return hardware;
        }

        @Override
        public IoOwners owners() {
            return owners;
        }

        @Override
        public List<ProviderStatus> providers() {
            return List.of();
        }
    });

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    @Test
    void eachPinAndDeviceNamesTheBundleThatOpenedIt() throws Exception {
        new BundleHardware(hardware, owners, "org.example.air").i2cDevice(1, 0x76);
        new BundleHardware(hardware, owners, "org.example.pump").digitalOutput(5, true);
        assertEquals(List.of(new IoInUse("gpio 5", "digital-output", "high", "org.example.pump"),
                new IoInUse("i2c 1 0x76", "i2c", "", "org.example.air")), status.inUse());
    }

    @Test
    void aMockInputMovesFromOutsideAndOnlyWhenHeld() throws Exception {
        DigitalInput button = hardware.digitalInput(17);
        status.setInput(17, true);
        assertTrue(button.isHigh());
        HardwareException notHeld = assertThrows(HardwareException.class, () -> status.setInput(18, true));
        assertTrue(notHeld.getMessage().startsWith("no digital input is held on gpio 18"), notHeld.getMessage());
    }

    @Test
    void theMockPlatformHasNoBusToScan() {
        HardwareException refused = assertThrows(HardwareException.class, () -> status.scanI2c(1));
        assertEquals(HardwareException.Kind.UNAVAILABLE, refused.kind());
        assertTrue(refused.getMessage().startsWith("the mock platform has no I2C bus to scan"));
    }
}
