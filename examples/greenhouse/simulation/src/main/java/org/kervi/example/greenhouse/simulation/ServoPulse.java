package org.kervi.example.greenhouse.simulation;

/**
 * A servo's angle from what was written to a PCA9685 output at 50 Hz (LEDn_ON_L..LEDn_OFF_H, four bytes per
 * write): the pulse ends at the OFF step of 4096 per 20 ms, 1 ms means 0°, 2 ms 180°.
 */
final class ServoPulse {
    static final int MODE1 = 0x00;
    /** Sleeping, answering the all-call address. */
    static final byte[] MODE1_AT_POWER_ON = {0x11};
    private static final int LED0_ON_L = 0x06;
    private static final double PERIOD_MILLIS = 20;
    private static final int STEPS = 4096;

    private ServoPulse() {}

    static int register(int channel) {
        return LED0_ON_L + 4 * channel;
    }

    /** The angle of the last complete write in {@code written}. */
    static double lastAngle(byte[] written) {
        int last = written.length - written.length % 4 - 4;
        if (last < 0) {
            throw new IllegalArgumentException("PCA9685 output: " + written.length + " bytes, not one write of 4");
        }
        int off = (written[last + 2] & 0xFF) | (written[last + 3] & 0x0F) << 8;
        double millis = off * PERIOD_MILLIS / STEPS;
        return Math.max(0, Math.min(180, (millis - 1) * 180));
    }
}
