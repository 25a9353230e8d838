package org.kervi.devices.analog;

/** The ADS1115's conversions per second; a slower rate averages longer (less noise) and takes longer per read. */
public enum DataRate {
    SPS_8(0b000, 8),
    SPS_16(0b001, 16),
    SPS_32(0b010, 32),
    SPS_64(0b011, 64),
    SPS_128(0b100, 128),
    SPS_250(0b101, 250),
    SPS_475(0b110, 475),
    SPS_860(0b111, 860);

    private final int bits;
    private final int samplesPerSecond;

    DataRate(int bits, int samplesPerSecond) {
        this.bits = bits;
        this.samplesPerSecond = samplesPerSecond;
    }

    /** The DR field of the config register (bits 7:5). */
    public int bits() {
        return bits;
    }

    public int samplesPerSecond() {
        return samplesPerSecond;
    }

    /** One conversion's time, in nanoseconds. */
    public long conversionNanos() {
        return 1_000_000_000L / samplesPerSecond;
    }
}
