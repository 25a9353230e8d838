package org.kervi.devices.motion.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.components.Sensor;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.values.Value;
import org.kervi.devices.motion.AccelerometerRange;
import org.kervi.devices.motion.GyroscopeRange;
import org.kervi.devices.motion.Mpu6050;
import org.kervi.devices.pi4j.mock.MockHardware;

/** The driver against Pi4J's mock I2C, where each register is a FIFO: every byte the driver reads is queued here. */
class Mpu6050OnMockPlatformTest {
    /** x = 16384, y = −8192, z = 8192, big-endian. */
    private static final byte[] ACCELERATION = {0x40, 0x00, (byte) 0xE0, 0x00, 0x20, 0x00};
    /** x = 131, y = −262, z = 32767. */
    private static final byte[] ROTATION = {0x00, (byte) 0x83, (byte) 0xFE, (byte) 0xFA, 0x7F, (byte) 0xFF};
    /** −521. */
    private static final byte[] TEMPERATURE = {(byte) 0xFD, (byte) 0xF7};

    @TempDir
    Path oneWire;

    private MockHardware mock;
    private I2cDevice chip;

    @BeforeEach
    void openChip() throws HardwareException {
        mock = MockHardware.create(oneWire);
        chip = mock.hardware().i2cDevice(1, Mpu6050.ADDRESS);
    }

    @AfterEach
    void close() {
        mock.close();
    }

    @Test
    void wakesTheChipAndScalesAccelerationAt2g() throws Exception {
        chip.writeRegister(Mpu6050Chip.WHO_AM_I, Mpu6050Chip.CHIP_ID);
        chip.writeRegisters(Mpu6050Chip.ACCEL_XOUT_H, ACCELERATION);
        SensorDriver accelerometer = Mpu6050.on(chip).accelerometer();

        assertEquals(List.of("x", "y", "z"), accelerometer.dimensions());
        assertArrayEquals(new double[] {1.0, -0.5, 0.5}, accelerometer.readDimensions(), 1e-12);
        assertEquals("g", accelerometer.unit());

        assertRegister(Mpu6050Chip.PWR_MGMT_1, 0x01);
        assertRegister(Mpu6050Chip.ACCEL_CONFIG, 0x00);
        assertRegister(Mpu6050Chip.GYRO_CONFIG, 0x00);
        HardwareException unexpected = assertThrows(HardwareException.class, accelerometer::readDimensions);
        assertEquals(HardwareException.Kind.BUS_ERROR, unexpected.kind(), "set up once, one burst per reading");
    }

    @Test
    void scalesRotationAt250DegreesPerSecondAndTemperature() throws Exception {
        chip.writeRegister(Mpu6050Chip.WHO_AM_I, Mpu6050Chip.CHIP_ID);
        chip.writeRegisters(Mpu6050Chip.GYRO_XOUT_H, ROTATION);
        chip.writeRegisters(Mpu6050Chip.TEMP_OUT_H, TEMPERATURE);
        Mpu6050 mpu = Mpu6050.on(chip);

        assertArrayEquals(new double[] {1.0, -2.0, 32767 / 131.0}, mpu.gyroscope().readDimensions(), 1e-12);
        assertEquals(-521 / 340.0 + 36.53, mpu.temperature().read(), 1e-12);
        assertEquals(List.of(), mpu.temperature().dimensions());
    }

    @Test
    void theConfiguredRangesSetTheChipAndTheScale() throws Exception {
        chip.writeRegister(Mpu6050Chip.WHO_AM_I, Mpu6050Chip.CHIP_ID);
        chip.writeRegisters(Mpu6050Chip.ACCEL_XOUT_H, ACCELERATION);
        chip.writeRegisters(Mpu6050Chip.GYRO_XOUT_H, ROTATION);
        Mpu6050 mpu = Mpu6050.on(chip, AccelerometerRange.G8, GyroscopeRange.DPS2000);

        assertArrayEquals(new double[] {4.0, -2.0, 2.0}, mpu.accelerometer().readDimensions(), 1e-12);
        assertArrayEquals(new double[] {131 / 16.4, -262 / 16.4, 32767 / 16.4}, mpu.gyroscope().readDimensions(),
                1e-9);
        assertRegister(Mpu6050Chip.ACCEL_CONFIG, 0x10);
        assertRegister(Mpu6050Chip.GYRO_CONFIG, 0x18);
        assertEquals(8, mpu.accelerometer().max());
        assertEquals(-2000, mpu.gyroscope().min());
    }

    @Test
    void aSensorOnTheAccelerometerHasOneValuePerAxis() throws Exception {
        chip.writeRegister(Mpu6050Chip.WHO_AM_I, Mpu6050Chip.CHIP_ID);
        chip.writeRegisters(Mpu6050Chip.ACCEL_XOUT_H, ACCELERATION);
        Sensor tilt = new Sensor("tilt", "Tilt", Mpu6050.on(chip).accelerometer());

        tilt.poll();

        assertEquals(List.of("tilt.x", "tilt.y", "tilt.z"), tilt.values().stream().map(Value::id).toList());
        assertEquals(1.0, tilt.value("x").doubleValue());
        assertEquals(-0.5, tilt.value("y").doubleValue());
        assertEquals(0.5, tilt.value("z").doubleValue());
    }

    @Test
    void aWrongChipIsAClearErrorAndTheNextReadTriesAgain() throws Exception {
        SensorDriver accelerometer = Mpu6050.on(chip).accelerometer();
        chip.writeRegister(Mpu6050Chip.WHO_AM_I, 0x71);

        HardwareException wrong = assertThrows(HardwareException.class, accelerometer::readDimensions);
        assertEquals(HardwareException.Kind.WRONG_CHIP, wrong.kind());
        assertTrue(wrong.getMessage().contains("0x71") && wrong.getMessage().contains("0x68")
                && wrong.getMessage().contains("MPU6050"), wrong.getMessage());

        chip.writeRegister(Mpu6050Chip.WHO_AM_I, Mpu6050Chip.CHIP_ID);
        chip.writeRegisters(Mpu6050Chip.ACCEL_XOUT_H, ACCELERATION);
        assertArrayEquals(new double[] {1.0, -0.5, 0.5}, accelerometer.readDimensions(), 1e-12);
    }

    @Test
    void aMissingChipIsABusErrorAndTheNextReadTriesAgain() throws Exception {
        SensorDriver gyroscope = Mpu6050.on(chip).gyroscope();

        HardwareException missing = assertThrows(HardwareException.class, gyroscope::readDimensions);
        assertEquals(HardwareException.Kind.BUS_ERROR, missing.kind());
        assertTrue(missing.getMessage().startsWith("MPU6050: i2c bus 1 address 0x68"), missing.getMessage());

        chip.writeRegister(Mpu6050Chip.WHO_AM_I, Mpu6050Chip.CHIP_ID);
        chip.writeRegisters(Mpu6050Chip.GYRO_XOUT_H, ROTATION);
        assertEquals(1.0, gyroscope.read(), 1e-12);
    }

    /** One write, and nothing more. */
    private void assertRegister(int register, int value) throws HardwareException {
        assertEquals(value, chip.readRegister(register), String.format("register 0x%02X", register));
        assertThrows(HardwareException.class, () -> chip.readRegister(register));
    }
}
