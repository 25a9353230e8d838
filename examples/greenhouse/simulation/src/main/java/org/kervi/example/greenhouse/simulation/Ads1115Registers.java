package org.kervi.example.greenhouse.simulation;

/** The ADS1115's conversion register for an input voltage, at its ±4.096 V range (big-endian, two's complement). */
final class Ads1115Registers {
    static final int CONVERSION = 0x00;
    private static final double FULL_SCALE_VOLTS = 4.096;

    private Ads1115Registers() {}

    static byte[] conversion(double volts) {
        int raw = (int) Math.round(Math.max(-1, Math.min(1, volts / FULL_SCALE_VOLTS)) * 32768);
        raw = Math.max(-32768, Math.min(32767, raw));
        return new byte[] {(byte) (raw >> 8), (byte) raw};
    }
}
