package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.pwm.Pwm;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.PwmOutput;

final class Pi4jPwmOutput implements PwmOutput {
    private final Context context;
    private final Pwm pwm;
    private final int channel;

    Pi4jPwmOutput(Context context, Pwm pwm, int channel) {
        this.context = context;
        this.pwm = pwm;
        this.channel = channel;
    }

    @Override
    public int channel() {
        return channel;
    }

    @Override
    public void setDutyCycle(double percent) throws HardwareException {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("duty cycle " + percent + " % is outside 0–100 %");
        }
        Pi4jIo.onBus(this::where, () -> pwm.on(percent));
    }

    @Override
    public double dutyCycle() throws HardwareException {
        return Pi4jIo.onBus(this::where, pwm::dutyCycle);
    }

    @Override
    public void setFrequency(int hertz) throws HardwareException {
        if (hertz <= 0) {
            throw new IllegalArgumentException("frequency " + hertz + " Hz is not positive");
        }
        Pi4jIo.onBus(this::where, () -> pwm.frequency(hertz));
    }

    @Override
    public int frequency() throws HardwareException {
        return Pi4jIo.onBus(this::where, pwm::frequency);
    }

    @Override
    public void close() {
        Pi4jIo.release(context, pwm.id());
    }

    private String where() {
        return "pwm " + channel;
    }
}
