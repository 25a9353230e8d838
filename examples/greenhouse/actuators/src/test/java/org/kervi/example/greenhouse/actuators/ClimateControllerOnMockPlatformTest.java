package org.kervi.example.greenhouse.actuators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.devices.pi4j.mock.MockHardware;

class ClimateControllerOnMockPlatformTest {
    @TempDir
    Path oneWire;

    @Test
    void dryAndHotSoilAndAirDriveThePinsAndOffStopsThem() throws Exception {
        try (MockHardware mock = MockHardware.create(oneWire)) {
            ClimateController controller = new ClimateController(Actuators.open(mock.hardware(), defaults()));
            controller.soilMoisture.set(25.0);
            controller.airTemperature.set(29.0);
            controller.activate(true);

            assertTrue(pump(mock).isHigh(), "soil at 25 %, below 30 %: the relay pin is high");
            assertEquals(50, fan(mock).getDutyCycle(), 0.01, "29 °C is half way from 26 to 32 °C");
            byte[] written = new byte[16];
            int read = servo(mock).readRegister(Pca9685Servo.register(0), written, 0, 16);
            assertEquals(4, read, "one move of the vent servo");
            int off = (written[2] & 0xFF) | (written[3] & 0xFF) << 8;
            assertEquals(Pca9685Servo.offStep(45), off, "the vent half open: 45°");
            assertArrayEquals(new byte[] {0x10, 0x20}, twoBytes(servo(mock), Pca9685Servo.MODE1),
                    "set up: sleep for the prescaler, then wake with auto-increment");

            controller.activate(false);
            assertFalse(pump(mock).isHigh());
            assertFalse(fan(mock).isOn() && fan(mock).getDutyCycle() > 0, "the fan stands");
            assertEquals(0, controller.vent.doubleValue());
            controller.deactivate();
        }
    }

    private static DigitalOutput pump(MockHardware mock) {
        return mock.context().registry().get("gpio-17");
    }

    private static Pwm fan(MockHardware mock) {
        return mock.context().registry().get("pwm-0");
    }

    private static I2C servo(MockHardware mock) {
        return mock.context().registry().get("i2c-1-0x40");
    }

    private static byte[] twoBytes(I2C i2c, int register) {
        byte[] bytes = new byte[2];
        i2c.readRegister(register, bytes, 0, 2);
        return bytes;
    }

    static ActuatorsConfig defaults() {
        return new ActuatorsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ActuatorsConfig.class;
            }

            @Override
            public int pumpPin() {
                return 17;
            }

            @Override
            public int fanChannel() {
                return 0;
            }

            @Override
            public int fanFrequency() {
                return 1000;
            }

            @Override
            public int i2cBus() {
                return 1;
            }

            @Override
            public int pca9685Address() {
                return 0x40;
            }

            @Override
            public int ventChannel() {
                return 0;
            }
        };
    }
}
