package org.kervi.devices.motor.internal;

/** Registers and bits of the NXP PCA9685, from its datasheet (rev. 4, section 7.3). */
public final class Pca9685Registers {
    public static final int MODE1 = 0x00;
    public static final int MODE2 = 0x01;
    /** LED0_ON_L; channel n's four registers (ON_L, ON_H, OFF_L, OFF_H) start at {@code LED0_ON_L + 4 n}. */
    public static final int LED0_ON_L = 0x06;
    public static final int ALL_LED_ON_L = 0xFA;
    public static final int PRE_SCALE = 0xFE;

    public static final int MODE1_RESTART = 0x80;
    public static final int MODE1_AUTO_INCREMENT = 0x20;
    public static final int MODE1_SLEEP = 0x10;
    public static final int MODE1_ALLCALL = 0x01;
    /** Totem-pole outputs (the power-on default, written so that a chip left open-drain is set right). */
    public static final int MODE2_OUTDRV = 0x04;
    /** Bit 4 of LEDn_ON_H / LEDn_OFF_H: the channel fully on / fully off. */
    public static final int FULL = 0x10;

    public static final double OSCILLATOR_HERTZ = 25_000_000;
    public static final int STEPS = 4096;
    public static final int MIN_PRESCALE = 3;
    public static final int MAX_PRESCALE = 255;

    private Pca9685Registers() {}

    public static int channelRegister(int channel) {
        return LED0_ON_L + 4 * channel;
    }
}
