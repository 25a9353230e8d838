package org.kervi.devices.environment.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/** Talks to one BH1750 by opcodes: power on and continuous high-resolution mode once, then 2-byte reads. */
public final class Bh1750Chip {
    static final byte POWER_ON = 0x01;
    static final byte CONTINUOUS_HIGH_RESOLUTION = 0x10;
    /** The datasheet's longest high-resolution measurement time; the first result is there after it. */
    static final long FIRST_MEASUREMENT_MILLIS = 180;
    /** Counts per lux at the default measurement time (MTreg = 69). */
    static final double COUNTS_PER_LUX = 1.2;

    private final I2cDevice device;
    private boolean measuring;

    public Bh1750Chip(I2cDevice device) {
        this.device = device;
    }

    public synchronized double readLux() throws HardwareException {
        try {
            if (!measuring) {
                device.write(POWER_ON);
                device.write(CONTINUOUS_HIGH_RESOLUTION);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FIRST_MEASUREMENT_MILLIS));
                measuring = true;
            }
            byte[] data = device.read(2);
            return ((data[0] & 0xFF) << 8 | (data[1] & 0xFF)) / COUNTS_PER_LUX;
        } catch (HardwareException e) {
            measuring = false;
            throw e;
        }
    }

    public static byte[] measurementBytes(double lux) {
        int counts = (int) Math.max(0, Math.min(0xFFFF, Math.round(lux * COUNTS_PER_LUX)));
        return new byte[] {(byte) (counts >> 8), (byte) counts};
    }
}
