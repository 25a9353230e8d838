package org.kervi.devices.pi4j.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.hardware.PwmOutput;

class Pi4jMockControlTest {
    private Context context;
    private Pi4jHardware hardware;
    private Pi4jMockControl control;

    @BeforeEach
    void mockPlatform() {
        context = Pi4jContexts.mock();
        hardware = new Pi4jHardware(context, "mock", Path.of("unused"));
        control = new Pi4jMockControl(context);
    }

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    @Test
    void registerReadsAreReplacedNotAppended() throws Exception {
        I2cDevice device = hardware.i2cDevice(1, 0x48);
        assertTrue(control.setRegisterReads(1, 0x48, 0x00, new byte[] {1, 2}, 2));
        assertTrue(control.setRegisterReads(1, 0x48, 0x00, new byte[] {3, 4}, 2));
        assertArrayEquals(new byte[] {3, 4}, device.readRegisters(0x00, 2));
        assertArrayEquals(new byte[] {3, 4}, device.readRegisters(0x00, 2));
        assertThrows(HardwareException.class, () -> device.readRegisters(0x00, 2), "only two copies queued");
    }

    @Test
    void anEnsuredReadIsQueuedOnce() throws Exception {
        I2cDevice device = hardware.i2cDevice(1, 0x76);
        control.ensureRegisterRead(1, 0x76, 0xD0, new byte[] {0x60});
        control.ensureRegisterRead(1, 0x76, 0xD0, new byte[] {0x60});
        assertEquals(0x60, device.readRegister(0xD0));
        assertThrows(HardwareException.class, () -> device.readRegister(0xD0));
    }

    @Test
    void writesOfADriverAreTakenInOrder() throws Exception {
        I2cDevice device = hardware.i2cDevice(1, 0x40);
        device.writeRegisters(0x06, new byte[] {0, 0, 0x33, 0x01});
        device.writeRegisters(0x06, new byte[] {0, 0, 0x44, 0x01});
        assertArrayEquals(new byte[] {0, 0, 0x33, 0x01, 0, 0, 0x44, 0x01},
                control.takeRegisterWrites(1, 0x40, 0x06).orElseThrow());
        assertEquals(Optional.empty(), control.takeRegisterWrites(1, 0x40, 0x06));
    }

    @Test
    void outputsAndPwmReadBack() throws Exception {
        DigitalOutput pump = hardware.digitalOutput(17);
        PwmOutput fan = hardware.pwmOutput(0);

        assertEquals(Optional.of(false), control.output(17));
        pump.set(true);
        assertEquals(Optional.of(true), control.output(17));
        assertEquals(0, control.pwmDutyCycle(0).orElseThrow(), 0.001);
        fan.setDutyCycle(40);
        assertEquals(40, control.pwmDutyCycle(0).orElseThrow(), 0.001);
    }

    @Test
    void nothingOpenMeansNothingChanged() {
        assertEquals(Optional.empty(), control.output(17));
        assertEquals(OptionalDouble.empty(), control.pwmDutyCycle(0));
        assertFalse(control.setRegisterReads(1, 0x48, 0, new byte[] {1}, 1));
        assertFalse(control.ensureRegisterRead(1, 0x48, 0, new byte[] {1}));
        assertEquals(Optional.empty(), control.takeRegisterWrites(1, 0x48, 0));
    }
}
