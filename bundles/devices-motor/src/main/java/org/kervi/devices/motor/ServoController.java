package org.kervi.devices.motor;

import org.kervi.api.components.Controller;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.StringValue;
import org.kervi.api.values.Value;

/**
 * A servo on one PCA9685 channel, as a Kervi controller. Input {@code position} is the angle in degrees (0 to the
 * settings' maximum); input {@code adjust} trims it by up to ±{@value #MAX_ADJUST_DEGREES}° for a horn that sits
 * off its mark. The servo moves when the application starts and on every change of either input. Output
 * {@code error} holds the last hardware error (empty when the last move succeeded); a failed move is tried again
 * with the next change.
 */
public class ServoController extends Controller {
    public static final double MAX_ADJUST_DEGREES = 20;

    private final Pca9685 pwm;
    private final int channel;
    private final ServoSettings settings;
    private final NumberValue position;
    private final NumberValue adjust;
    private final StringValue error;

    public ServoController(String id, String name, Pca9685 pwm, int channel, ServoSettings settings) {
        super(id, name);
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("servo " + id + ": PCA9685 channel " + channel + " is outside 0–15");
        }
        this.pwm = pwm;
        this.channel = channel;
        this.settings = settings;
        this.position = inputs().number("position", "Position").range(0, settings.maxDegrees()).unit("°")
                .decimals(0);
        this.adjust = inputs().number("adjust", "Adjust").range(-MAX_ADJUST_DEGREES, MAX_ADJUST_DEGREES).unit("°")
                .decimals(1);
        this.error = outputs().string("error", "Error");
        error.set("");
    }

    public final NumberValue position() {
        return position;
    }

    public final NumberValue adjust() {
        return adjust;
    }

    public final StringValue error() {
        return error;
    }

    public final ServoSettings settings() {
        return settings;
    }

    @Override
    protected void onStart() {
        move();
    }

    @Override
    protected void inputChanged(Value<?> input) {
        if (input == position || input == adjust) {
            move();
        }
    }

    /** Moves the servo to position + adjust; a hardware error goes to {@link #error()}. */
    protected final synchronized void move() {
        try {
            pwm.setPulseWidth(channel, settings.pulseMicros(position.doubleValue() + adjust.doubleValue()));
            error.set("");
        } catch (HardwareException e) {
            error.set(e.getMessage());
        }
    }
}
