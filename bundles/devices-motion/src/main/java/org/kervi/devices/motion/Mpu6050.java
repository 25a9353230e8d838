package org.kervi.devices.motion;

import java.util.List;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.motion.internal.Mpu6050Chip;
import org.kervi.devices.motion.internal.Mpu6050Driver;

/**
 * An InvenSense MPU6050 (3-axis accelerometer, 3-axis gyroscope, temperature) on I2C. The accelerometer and the
 * gyroscope are multi-dimension sensor drivers ({@code x}, {@code y}, {@code z}), so a sensor {@code tilt} has the
 * values {@code tilt.x}, {@code tilt.y}, {@code tilt.z}. The chip is checked (WHO_AM_I 0x68), woken and set to the
 * ranges at the first read, so a missing or wrong chip is an error of that read and a later read tries again.
 */
public final class Mpu6050 {
    /** AD0 low. */
    public static final int ADDRESS = 0x68;
    /** AD0 high. */
    public static final int ALTERNATE_ADDRESS = 0x69;

    private static final List<String> AXES = List.of("x", "y", "z");

    private final Mpu6050Chip chip;

    private Mpu6050(Mpu6050Chip chip) {
        this.chip = chip;
    }

    /** ±2 g and ±250 °/s, the finest resolutions. */
    public static Mpu6050 on(I2cDevice device) {
        return on(device, AccelerometerRange.G2, GyroscopeRange.DPS250);
    }

    public static Mpu6050 on(I2cDevice device, AccelerometerRange accelerometer, GyroscopeRange gyroscope) {
        return new Mpu6050(new Mpu6050Chip(device, accelerometer, gyroscope));
    }

    /** Acceleration along x, y, z in g (1 g ≈ 9.81 m/s²). */
    public SensorDriver accelerometer() {
        double limit = 2.0 * (1 << chip.accelerometerRange().ordinal());
        return new Mpu6050Driver(chip::readAcceleration, AXES, "g", -limit, limit, "acceleration");
    }

    /** Rotation rate about x, y, z in degrees per second. */
    public SensorDriver gyroscope() {
        double limit = 250.0 * (1 << chip.gyroscopeRange().ordinal());
        return new Mpu6050Driver(chip::readRotation, AXES, "°/s", -limit, limit, "rotation");
    }

    /** The die temperature in °C. */
    public SensorDriver temperature() {
        return new Mpu6050Driver(() -> new double[] {chip.readCelsius()}, List.of(), "°C", -40, 85, "temperature");
    }
}
