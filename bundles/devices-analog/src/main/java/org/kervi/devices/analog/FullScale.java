package org.kervi.devices.analog;

/**
 * The ADS1115's programmable gain, named by the input range it gives (±volts at full scale). Kervi's Python gains
 * 2/3, 1, 2, 4, 8, 16 are {@code V6_144} ... {@code V0_256}. An input never may exceed the supply voltage, whatever the
 * range says.
 */
public enum FullScale {
    V6_144(0b000, 6.144),
    V4_096(0b001, 4.096),
    V2_048(0b010, 2.048),
    V1_024(0b011, 1.024),
    V0_512(0b100, 0.512),
    V0_256(0b101, 0.256);

    private final int bits;
    private final double volts;

    FullScale(int bits, double volts) {
        this.bits = bits;
        this.volts = volts;
    }

    /** The PGA field of the config register (bits 11:9). */
    public int bits() {
        return bits;
    }

    public double volts() {
        return volts;
    }
}
