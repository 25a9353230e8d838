package org.kervi.devices.motor.internal;

import static org.kervi.devices.motor.internal.Pca9685Registers.*;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;

/**
 * Talks to one PCA9685. The chip is set up at the first command (and again after a failed one): MODE1 is read to see
 * that a chip answers, every channel is switched off, the prescaler set for the frequency, the oscillator restarted.
 */
public final class Pca9685Chip {
    public static final int CHANNELS = 16;
    private static final int MODE1_AWAKE = MODE1_AUTO_INCREMENT | MODE1_ALLCALL;
    /** The oscillator needs at most 500 µs after leaving sleep before RESTART may be set (datasheet 7.3.1.1). */
    private static final long OSCILLATOR_SETTLE_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final I2cDevice device;
    private int frequency;
    private boolean ready;

    public Pca9685Chip(I2cDevice device, int frequency) {
        prescale(frequency);
        this.device = device;
        this.frequency = frequency;
    }

    /** round(25 MHz / (4096 × f)) − 1, the datasheet's formula (equation 1); 3 to 255. */
    public static int prescale(int hertz) {
        long prescale = hertz <= 0 ? -1 : Math.round(OSCILLATOR_HERTZ / (STEPS * (double) hertz)) - 1;
        if (prescale < MIN_PRESCALE || prescale > MAX_PRESCALE) {
            throw new IllegalArgumentException("PCA9685 frequency " + hertz + " Hz is outside 24–1743 Hz (prescale 3–255)");
        }
        return (int) prescale;
    }

    public synchronized int frequency() {
        return frequency;
    }

    public synchronized void setFrequency(int hertz) throws HardwareException {
        prescale(hertz);
        frequency = hertz;
        if (ready) {
            run(this::writeFrequency);
        } else {
            run(() -> {});
        }
    }

    /** Sets a channel's on and off counts (0–4095) in one block write. */
    public synchronized void setPulse(int channel, int on, int off) throws HardwareException {
        checkChannel(channel);
        if (on < 0 || on >= STEPS || off < 0 || off >= STEPS) {
            throw new IllegalArgumentException("PCA9685 counts on=" + on + ", off=" + off + " are outside 0–4095");
        }
        writeChannel(channel, on, off);
    }

    public synchronized void setFullOn(int channel) throws HardwareException {
        checkChannel(channel);
        writeChannel(channel, FULL << 8, 0);
    }

    public synchronized void setFullOff(int channel) throws HardwareException {
        checkChannel(channel);
        writeChannel(channel, 0, FULL << 8);
    }

    /** 0 % is fully off, 100 % fully on, anything between on for round(% × 4096 / 100) counts from count 0. */
    public synchronized void setDutyCycle(int channel, double percent) throws HardwareException {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("duty cycle " + percent + " % is outside 0–100 %");
        }
        int counts = (int) Math.round(percent * STEPS / 100);
        if (counts == 0) {
            setFullOff(channel);
        } else if (counts >= STEPS) {
            setFullOn(channel);
        } else {
            setPulse(channel, 0, counts);
        }
    }

    /** Sets a channel high for {@code micros} of each period. */
    public synchronized void setPulseWidth(int channel, double micros) throws HardwareException {
        double period = 1_000_000.0 / frequency;
        if (!(micros >= 0 && micros <= period)) {
            throw new IllegalArgumentException(
                    "pulse of " + micros + " µs does not fit a period of " + period + " µs (" + frequency + " Hz)");
        }
        setDutyCycle(channel, micros / period * 100);
    }

    private void writeChannel(int channel, int on, int off) throws HardwareException {
        run(() -> device.writeRegisters(channelRegister(channel),
                new byte[] {(byte) on, (byte) (on >> 8), (byte) off, (byte) (off >> 8)}));
    }

    private void run(Step step) throws HardwareException {
        try {
            if (!ready) {
                setUp();
                ready = true;
            }
            step.run();
        } catch (HardwareException e) {
            ready = false;
            throw new HardwareException(e.kind(), "PCA9685: " + e.getMessage(), e);
        }
    }

    private void setUp() throws HardwareException {
        device.readRegister(MODE1);
        device.writeRegisters(ALL_LED_ON_L, new byte[] {0, 0, 0, FULL});
        device.writeRegister(MODE2, MODE2_OUTDRV);
        writeFrequency();
    }

    /** The prescaler can only be written while the oscillator sleeps. */
    private void writeFrequency() throws HardwareException {
        device.writeRegister(MODE1, MODE1_AWAKE | MODE1_SLEEP);
        device.writeRegister(PRE_SCALE, prescale(frequency));
        device.writeRegister(MODE1, MODE1_AWAKE);
        waitForOscillator();
        device.writeRegister(MODE1, MODE1_AWAKE | MODE1_RESTART);
    }

    private static void waitForOscillator() {
        long until = System.nanoTime() + OSCILLATOR_SETTLE_NANOS;
        for (long left = OSCILLATOR_SETTLE_NANOS; left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static void checkChannel(int channel) {
        if (channel < 0 || channel >= CHANNELS) {
            throw new IllegalArgumentException("PCA9685 channel " + channel + " is outside 0–15");
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws HardwareException;
    }
}
