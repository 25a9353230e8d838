package org.kervi.devices.pi4j.internal.channels;

import org.kervi.api.Registration;
import org.kervi.api.hardware.DigitalInput;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.ValueRole;

/** A digital input as a read-only boolean value, debounced; with {@code activeLow} the value is true on low. */
final class DigitalInputChannel extends GpioChannel {
    private final DigitalInput input;
    private final BooleanValue value;
    private final Debouncer debouncer;
    private final Registration listening;

    private DigitalInputChannel(ChannelSpec spec, DigitalInput input, Debouncer.Timer timer)
            throws HardwareException {
        super(spec);
        this.input = input;
        this.value = addValue(new BooleanValue(spec.id(), spec.name()));
        value.role(ValueRole.SENSOR);
        boolean initial = logical(input.isHigh());
        value.set(initial);
        this.debouncer = new Debouncer(timer, spec.debounceMillis(), initial, value::set);
        this.listening = input.onChange(high -> debouncer.edge(logical(high)));
    }

    static DigitalInputChannel open(ChannelSpec spec, Hardware hardware, Debouncer.Timer timer)
            throws HardwareException {
        DigitalInput input = hardware.digitalInput(spec.pin(), spec.pull());
        try {
            return new DigitalInputChannel(spec, input, timer);
        } catch (HardwareException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    BooleanValue value() {
        return value;
    }

    private boolean logical(boolean high) {
        return high != spec().activeLow();
    }

    @Override
    public void close() {
        listening.close();
        debouncer.cancel();
        input.close();
    }
}
