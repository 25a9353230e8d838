package org.kervi.devices.analog.internal;

import org.kervi.devices.analog.DataRate;
import org.kervi.devices.analog.FullScale;

/** The ADS1115's registers and the bits of its 16-bit config register (datasheet, section 8.6). */
public final class Ads1115Config {
    public static final int CONVERSION_REGISTER = 0x00;
    public static final int CONFIG_REGISTER = 0x01;
    /** Written: start a single conversion. Read: 1 when no conversion is under way. */
    static final int OPERATIONAL_STATUS = 1 << 15;
    /** MUX 1xx: AINx against GND. */
    static final int SINGLE_ENDED = 0b100;
    /** MODE 1: power down after each conversion. */
    static final int SINGLE_SHOT = 1 << 8;
    /** COMP_QUE 11: comparator off, ALERT/RDY high impedance. */
    static final int COMPARATOR_OFF = 0b11;

    private Ads1115Config() {}

    /** The config word that starts one conversion of {@code channel} against GND. */
    static int startConversion(int channel, FullScale fullScale, DataRate dataRate) {
        return OPERATIONAL_STATUS | (SINGLE_ENDED | channel) << 12 | fullScale.bits() << 9 | SINGLE_SHOT
                | dataRate.bits() << 5 | COMPARATOR_OFF;
    }

    static boolean conversionDone(int config) {
        return (config & OPERATIONAL_STATUS) != 0;
    }

    /** Volts from the signed 16-bit conversion result: one count is full scale / 32768. */
    static double volts(byte[] conversion, FullScale fullScale) {
        short counts = (short) ((conversion[0] & 0xFF) << 8 | (conversion[1] & 0xFF));
        return counts * fullScale.volts() / 32768.0;
    }

    public static byte[] conversionBytes(double volts, FullScale fullScale) {
        long counts = Math.round(volts / fullScale.volts() * 32768.0);
        int clipped = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, counts));
        return new byte[] {(byte) (clipped >> 8), (byte) clipped};
    }

    static byte[] word(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }
}
