package org.kervi.example.greenhouse.actuators;

import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/**
 * A hobby servo on one output of a PCA9685: 50 Hz, 1 ms pulse at 0°, 2 ms at 180°. The chip is set up at the first
 * move (and again after a failed one). A stand-in until the PCA9685 servo controller of issue #11 is in a bundle of
 * its own.
 */
final class Pca9685Servo {
    static final int MODE1 = 0x00;
    static final int PRESCALE = 0xFE;
    static final int LED0_ON_L = 0x06;
    static final int SLEEP = 0x10;
    static final int AUTO_INCREMENT = 0x20;
    static final int STEPS = 4096;
    static final double FREQUENCY_HZ = 50;
    private static final double OSCILLATOR_HZ = 25_000_000;

    private final I2cDevice device;
    private final int channel;
    private boolean setUp;

    Pca9685Servo(I2cDevice device, int channel) {
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("PCA9685 channel " + channel + " is not 0-15");
        }
        this.device = device;
        this.channel = channel;
    }

    /** The register of the channel's four LEDn_ON_L..LEDn_OFF_H bytes. */
    static int register(int channel) {
        return LED0_ON_L + 4 * channel;
    }

    /** The PWM step at which the pulse for {@code degrees} (0–180) ends. */
    static int offStep(double degrees) {
        double millis = 1 + Math.max(0, Math.min(180, degrees)) / 180;
        return (int) Math.round(millis / (1000 / FREQUENCY_HZ) * STEPS);
    }

    synchronized void moveTo(double degrees) throws HardwareException {
        try {
            if (!setUp) {
                // the prescaler can be written only while the oscillator sleeps
                device.writeRegister(MODE1, SLEEP);
                device.writeRegister(PRESCALE, (int) Math.round(OSCILLATOR_HZ / (STEPS * FREQUENCY_HZ)) - 1);
                device.writeRegister(MODE1, AUTO_INCREMENT);
                setUp = true;
            }
            int off = offStep(degrees);
            device.writeRegisters(register(channel), new byte[] {0, 0, (byte) off, (byte) (off >> 8)});
        } catch (HardwareException e) {
            setUp = false;
            throw e;
        }
    }
}
