package org.kervi.example.greenhouse.actuators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.i2c.I2C;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.pi4j.mock.MockHardware;

class ClimateControllerOnMockPlatformTest {
    private static final int MODE1 = 0x00;
    private static final int LED0_ON_L = 0x06;
    @TempDir
    Path oneWire;

    @Test
    void drySoilAndHotAirSwitchThePumpOnAndOpenTheVentHalfway() throws Exception {
        try (MockHardware mock = MockHardware.create(oneWire)) {
            I2cDevice pca9685 = mock.hardware().i2cDevice(1, 0x40);
            pca9685.writeRegister(MODE1, 0x11);
            ClimateController controller = new ClimateController(pca9685, 0);
            controller.soilMoisture.set(25.0);
            controller.airTemperature.set(29.0);
            controller.activate(true);

            assertTrue(controller.pump.isOn(), "soil at 25 %, below 30 %");
            assertEquals(50, controller.fan.doubleValue(), "29 °C is half way from 26 to 32 °C");
            assertEquals(45, controller.vent.doubleValue());
            assertEquals(256, lastOffStep(servo(mock)), "1.25 ms of 20 ms for 45°: 256 of 4096 steps");

            controller.soilMoisture.set(40.0);
            controller.activate(true);
            assertTrue(controller.pump.isOn(), "between 30 and 45 % the pump keeps watering");

            controller.activate(false);
            assertFalse(controller.pump.isOn());
            assertEquals(0, controller.fan.doubleValue());
            assertEquals(205, lastOffStep(servo(mock)), "the vent closed: 1 ms");
            controller.deactivate();
        }
    }

    private static I2C servo(MockHardware mock) {
        return mock.context().registry().get("i2c-1-0x40");
    }

    /** The OFF step of the last four bytes written to output 0 (the mock keeps writes in a queue). */
    private static int lastOffStep(I2C i2c) {
        byte[] written = new byte[64];
        int length = i2c.readRegister(LED0_ON_L, written, 0, written.length);
        return (written[length - 2] & 0xFF) | (written[length - 1] & 0xFF) << 8;
    }
}
