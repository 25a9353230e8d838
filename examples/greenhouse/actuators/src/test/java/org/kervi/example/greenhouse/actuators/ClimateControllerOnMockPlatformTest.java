package org.kervi.example.greenhouse.actuators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.i2c.I2C;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.devices.pi4j.mock.MockHardware;

class ClimateControllerOnMockPlatformTest {
    @TempDir
    Path oneWire;

    @Test
    void drySoilAndHotAirSwitchThePumpOnAndOpenTheVentHalfway() throws Exception {
        try (MockHardware mock = MockHardware.create(oneWire)) {
            ClimateController controller = new ClimateController(mock.hardware().i2cDevice(1, 0x40), 0);
            controller.soilMoisture.set(25.0);
            controller.airTemperature.set(29.0);
            controller.activate(true);

            assertTrue(controller.pump.isOn(), "soil at 25 %, below 30 %");
            assertEquals(50, controller.fan.doubleValue(), "29 °C is half way from 26 to 32 °C");
            assertEquals(45, controller.vent.doubleValue());
            assertEquals(Pca9685Servo.offStep(45), lastOffStep(servo(mock)), "the servo's pulse for 45°");
            assertArrayEquals(new byte[] {0x10, 0x20}, twoBytes(servo(mock), Pca9685Servo.MODE1),
                    "set up: sleep for the prescaler, then wake with auto-increment");

            controller.soilMoisture.set(40.0);
            controller.activate(true);
            assertTrue(controller.pump.isOn(), "between 30 and 45 % the pump keeps watering");

            controller.activate(false);
            assertFalse(controller.pump.isOn());
            assertEquals(0, controller.fan.doubleValue());
            assertEquals(Pca9685Servo.offStep(0), lastOffStep(servo(mock)), "the vent closed");
            controller.deactivate();
        }
    }

    private static I2C servo(MockHardware mock) {
        return mock.context().registry().get("i2c-1-0x40");
    }

    /** The OFF step of the last four bytes written to output 0 (the mock keeps writes in a queue). */
    private static int lastOffStep(I2C i2c) {
        byte[] written = new byte[64];
        int length = i2c.readRegister(Pca9685Servo.register(0), written, 0, written.length);
        return (written[length - 2] & 0xFF) | (written[length - 1] & 0xFF) << 8;
    }

    private static byte[] twoBytes(I2C i2c, int register) {
        byte[] bytes = new byte[2];
        i2c.readRegister(register, bytes, 0, 2);
        return bytes;
    }
}
