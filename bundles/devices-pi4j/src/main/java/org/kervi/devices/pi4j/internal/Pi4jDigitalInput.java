package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import org.kervi.api.Registration;
import org.kervi.api.hardware.DigitalInputListener;
import org.kervi.api.hardware.HardwareException;

final class Pi4jDigitalInput implements org.kervi.api.hardware.DigitalInput {
    private final Context context;
    private final DigitalInput input;
    private final int pin;

    Pi4jDigitalInput(Context context, DigitalInput input, int pin) {
        this.context = context;
        this.input = input;
        this.pin = pin;
    }

    @Override
    public int pin() {
        return pin;
    }

    @Override
    public boolean isHigh() throws HardwareException {
        return Pi4jIo.onBus(() -> "gpio " + pin, input::isHigh);
    }

    @Override
    public Registration onChange(DigitalInputListener listener) {
        DigitalStateChangeListener adapter = event -> listener.changed(event.state().isHigh());
        input.addListener(adapter);
        return () -> input.removeListener(adapter);
    }

    @Override
    public void close() {
        Pi4jIo.release(context, input.id());
    }
}
