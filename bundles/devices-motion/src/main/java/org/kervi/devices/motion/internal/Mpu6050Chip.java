package org.kervi.devices.motion.internal;

import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.motion.AccelerometerRange;
import org.kervi.devices.motion.GyroscopeRange;

/**
 * Talks to one MPU6050 (register map rev. 4.2): checks WHO_AM_I, wakes it and sets the ranges at the first read
 * (again after a failure), then burst-reads big-endian 16-bit samples.
 */
public final class Mpu6050Chip {
    static final int WHO_AM_I = 0x75;
    static final int CHIP_ID = 0x68;
    static final int PWR_MGMT_1 = 0x6B;
    /** SLEEP cleared, clock from the X gyro's PLL (more stable than the internal oscillator). */
    static final int AWAKE_PLL_X = 0x01;
    static final int GYRO_CONFIG = 0x1B;
    static final int ACCEL_CONFIG = 0x1C;
    static final int ACCEL_XOUT_H = 0x3B;
    static final int TEMP_OUT_H = 0x41;
    static final int GYRO_XOUT_H = 0x43;

    private final I2cDevice device;
    private final AccelerometerRange accelerometerRange;
    private final GyroscopeRange gyroscopeRange;
    private boolean ready;

    public Mpu6050Chip(I2cDevice device, AccelerometerRange accelerometerRange, GyroscopeRange gyroscopeRange) {
        this.device = device;
        this.accelerometerRange = accelerometerRange;
        this.gyroscopeRange = gyroscopeRange;
    }

    public AccelerometerRange accelerometerRange() {
        return accelerometerRange;
    }

    public GyroscopeRange gyroscopeRange() {
        return gyroscopeRange;
    }

    public synchronized double[] readAcceleration() throws HardwareException {
        return scaled(readAxes(ACCEL_XOUT_H), accelerometerRange.lsbPerG());
    }

    public synchronized double[] readRotation() throws HardwareException {
        return scaled(readAxes(GYRO_XOUT_H), gyroscopeRange.lsbPerDegreePerSecond());
    }

    /** Temperature in °C = TEMP_OUT / 340 + 36.53 (register map, section 4.18). */
    public synchronized double readCelsius() throws HardwareException {
        byte[] data = read(TEMP_OUT_H, 2);
        return signed16(data, 0) / 340.0 + 36.53;
    }

    private int[] readAxes(int firstRegister) throws HardwareException {
        byte[] data = read(firstRegister, 6);
        return new int[] {signed16(data, 0), signed16(data, 2), signed16(data, 4)};
    }

    private byte[] read(int register, int length) throws HardwareException {
        try {
            if (!ready) {
                setUp();
                ready = true;
            }
            return device.readRegisters(register, length);
        } catch (HardwareException e) {
            ready = false;
            if (e.kind() == HardwareException.Kind.WRONG_CHIP) {
                throw e;
            }
            throw new HardwareException(e.kind(), "MPU6050: " + e.getMessage(), e);
        }
    }

    private void setUp() throws HardwareException {
        int id = device.readRegister(WHO_AM_I);
        if (id != CHIP_ID) {
            throw HardwareException.wrongChip(
                    String.format("i2c bus %d address 0x%02X (MPU6050)", device.bus(), device.address()), CHIP_ID, id);
        }
        device.writeRegister(PWR_MGMT_1, AWAKE_PLL_X);
        device.writeRegister(ACCEL_CONFIG, accelerometerRange.configValue());
        device.writeRegister(GYRO_CONFIG, gyroscopeRange.configValue());
    }

    private static double[] scaled(int[] raw, double lsbPerUnit) {
        double[] scaled = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            scaled[i] = raw[i] / lsbPerUnit;
        }
        return scaled;
    }

    private static int signed16(byte[] data, int at) {
        return (short) ((data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF));
    }
}
