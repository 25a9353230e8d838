package org.kervi.devices.motor;

import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.motor.internal.Pca9685Chip;

/**
 * An NXP PCA9685 16-channel, 12-bit PWM chip on I2C (servo boards, the Adafruit Motor HAT). One frequency for all
 * channels. The chip is set up at the first command, so a missing chip is an error of that command and the next
 * command tries again. Channels are 0–15.
 */
public final class Pca9685 {
    /** The chip's default address (A0–A5 open). */
    public static final int ADDRESS = 0x40;
    /** Servos: a 20 ms period. */
    public static final int SERVO_FREQUENCY = 50;

    private final Pca9685Chip chip;

    private Pca9685(Pca9685Chip chip) {
        this.chip = chip;
    }

    /** A chip running at {@code hertz} (24–1526 Hz; asking up to 1743 Hz gets 1526 Hz) once set up. */
    public static Pca9685 on(I2cDevice device, int hertz) {
        return new Pca9685(new Pca9685Chip(device, hertz));
    }

    /** A chip at the servo frequency, 50 Hz. */
    public static Pca9685 on(I2cDevice device) {
        return on(device, SERVO_FREQUENCY);
    }

    public int frequency() {
        return chip.frequency();
    }

    /** Changes the frequency of every channel, as {@link #on(I2cDevice, int)} takes it. */
    public void setFrequency(int hertz) throws HardwareException {
        chip.setFrequency(hertz);
    }

    /** 0 % fully off, 100 % fully on. */
    public void setDutyCycle(int channel, double percent) throws HardwareException {
        chip.setDutyCycle(channel, percent);
    }

    /** High for {@code micros} microseconds of every period (a servo's pulse). */
    public void setPulseWidth(int channel, double micros) throws HardwareException {
        chip.setPulseWidth(channel, micros);
    }

    /** Raw counts: the output goes high at count {@code on} and low at count {@code off} (0–4095). */
    public void setPulse(int channel, int on, int off) throws HardwareException {
        chip.setPulse(channel, on, off);
    }

    /** A channel used as a digital output (a motor's direction line): fully on or fully off. */
    public void set(int channel, boolean high) throws HardwareException {
        if (high) {
            chip.setFullOn(channel);
        } else {
            chip.setFullOff(channel);
        }
    }
}
