package org.kervi.example.greenhouse.sensors;

import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/**
 * One single-ended input of an ADS1115 in volts: the chip converts continuously (±4.096 V, 128 samples/s) and each
 * read takes the latest conversion. A stand-in until the ADS1115 driver of issue #11 is in a bundle of its own.
 */
final class Ads1115Input {
    static final int CONVERSION = 0x00;
    static final int CONFIG = 0x01;
    static final double FULL_SCALE_VOLTS = 4.096;
    private static final int SINGLE_ENDED_AIN0 = 0b100;
    private static final int GAIN_4_096 = 0b001;
    private static final int CONTINUOUS = 0;
    private static final int RATE_128 = 0b100;
    private static final int COMPARATOR_OFF = 0b11;

    private final I2cDevice device;
    private final int channel;
    private boolean configured;

    Ads1115Input(I2cDevice device, int channel) {
        if (channel < 0 || channel > 3) {
            throw new IllegalArgumentException("ADS1115 channel " + channel + " is not 0-3");
        }
        this.device = device;
        this.channel = channel;
    }

    static int configWord(int channel) {
        return (SINGLE_ENDED_AIN0 + channel) << 12 | GAIN_4_096 << 9 | CONTINUOUS << 8 | RATE_128 << 5
                | COMPARATOR_OFF;
    }

    synchronized double volts() throws HardwareException {
        if (!configured) {
            int word = configWord(channel);
            device.writeRegisters(CONFIG, new byte[] {(byte) (word >> 8), (byte) word});
            configured = true;
        }
        byte[] raw;
        try {
            raw = device.readRegisters(CONVERSION, 2);
        } catch (HardwareException e) {
            configured = false;
            throw e;
        }
        return (short) ((raw[0] & 0xFF) << 8 | (raw[1] & 0xFF)) * FULL_SCALE_VOLTS / 32768;
    }
}
