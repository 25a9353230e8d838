package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import org.kervi.api.hardware.HardwareException;

final class Pi4jDigitalOutput implements org.kervi.api.hardware.DigitalOutput {
    private final Context context;
    private final DigitalOutput output;
    private final int pin;

    Pi4jDigitalOutput(Context context, DigitalOutput output, int pin) {
        this.context = context;
        this.output = output;
        this.pin = pin;
    }

    @Override
    public int pin() {
        return pin;
    }

    @Override
    public void set(boolean high) throws HardwareException {
        Pi4jIo.onBus(() -> "gpio " + pin, () -> output.state(DigitalState.getState(high)));
    }

    @Override
    public boolean isHigh() throws HardwareException {
        return Pi4jIo.onBus(() -> "gpio " + pin, output::isHigh);
    }

    @Override
    public void close() {
        Pi4jIo.release(context, output.id());
    }
}
