package org.kervi.api.hardware;

import java.util.List;

/**
 * The result of probing an I2C bus: the 7-bit addresses that answered, and those skipped because a driver or
 * channel of this instance holds them ({@code UU} in {@code i2cdetect}). Both in ascending order.
 */
public record I2cScan(int bus, List<Integer> answered, List<Integer> held) {
    /** The first and last address probed, as {@code i2cdetect} does by default. */
    public static final int FIRST_ADDRESS = 0x03;

    public static final int LAST_ADDRESS = 0x77;

    public I2cScan {
        answered = List.copyOf(answered);
        held = List.copyOf(held);
    }
}
