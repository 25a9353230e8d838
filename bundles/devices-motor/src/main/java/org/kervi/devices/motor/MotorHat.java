package org.kervi.devices.motor;

import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.motor.internal.MotorHatMotor;

/**
 * The Adafruit DC & Stepper Motor HAT: a PCA9685 at 0x60 driving two TB6612 H-bridges, motors M1–M4. Each motor
 * takes one PWM channel (speed) and two channels used as direction lines (IN1, IN2), as Adafruit wires them.
 */
public final class MotorHat {
    /** The HAT's default address. */
    public static final int ADDRESS = 0x60;
    /** Adafruit's library asks for 1600 Hz; the chip's nearest is 1526 Hz (prescale 3). */
    public static final int FREQUENCY = 1600;

    /** PWM, IN2, IN1 channel of M1…M4. */
    private static final int[][] CHANNELS = {{8, 9, 10}, {13, 12, 11}, {2, 3, 4}, {7, 6, 5}};

    private final Pca9685 pwm;

    private MotorHat(Pca9685 pwm) {
        this.pwm = pwm;
    }

    public static MotorHat on(I2cDevice device) {
        return new MotorHat(Pca9685.on(device, FREQUENCY));
    }

    public static MotorHat on(Pca9685 pwm) {
        return new MotorHat(pwm);
    }

    /** Motor M1…M4; at speed 0 it is released (coasts), as Adafruit's RELEASE. */
    public DcMotor motor(int number) {
        return motor(number, StopMode.COAST);
    }

    public DcMotor motor(int number, StopMode stop) {
        if (number < 1 || number > CHANNELS.length) {
            throw new IllegalArgumentException("Motor HAT motor M" + number + " does not exist: M1–M4");
        }
        int[] channels = CHANNELS[number - 1];
        return new MotorHatMotor(pwm, channels[0], channels[2], channels[1], stop);
    }
}
