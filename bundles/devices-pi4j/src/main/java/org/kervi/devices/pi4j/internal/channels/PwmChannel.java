package org.kervi.devices.pi4j.internal.channels;

import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.PwmOutput;
import org.kervi.api.values.NumberValue;

/**
 * A PWM channel (a fan, a dimmed LED) as a writable number value, the duty cycle 0–100 %. Writes from outside are
 * range-checked by the value; a linked source outside the range leaves the pin as it was and shows as the channel's
 * error.
 */
final class PwmChannel extends GpioChannel {
    private final PwmOutput pwm;
    private final NumberValue value;

    private PwmChannel(ChannelSpec spec, PwmOutput pwm) {
        super(spec);
        this.pwm = pwm;
        this.value = new NumberValue(spec.id(), spec.name()).range(0, 100).unit("%").decimals(1);
        value.set(0.0);
        addOutputValue(value, this::drive);
    }

    static PwmChannel open(ChannelSpec spec, Hardware hardware) throws HardwareException {
        PwmOutput pwm = hardware.pwmOutput(spec.pin());
        try {
            pwm.setFrequency(spec.frequencyHertz());
            return new PwmChannel(spec, pwm);
        } catch (HardwareException | RuntimeException e) {
            pwm.close();
            throw e;
        }
    }

    NumberValue value() {
        return value;
    }

    private void drive(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            writeFailed("duty cycle " + value.format(percent) + " % is outside 0-100 %; "
                    + spec().address() + " left at its last duty cycle");
            return;
        }
        try {
            pwm.setDutyCycle(percent);
            writeSucceeded();
        } catch (HardwareException e) {
            writeFailed("setting " + spec().address() + " to " + value.format(percent) + " % failed: "
                    + e.getMessage());
        }
    }

    @Override
    public void close() {
        pwm.close();
    }
}
