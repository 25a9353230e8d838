package org.kervi.devices.pi4j.internal.channels;

import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.values.BooleanValue;

/**
 * A digital output (a relay, an LED) as a writable boolean value: every change of the value drives the pin; with
 * {@code activeLow} true drives it low. The pin starts at, and returns to on release, the {@code initial} level.
 */
final class DigitalOutputChannel extends GpioChannel {
    private final DigitalOutput output;
    private final BooleanValue value;

    private DigitalOutputChannel(ChannelSpec spec, DigitalOutput output) {
        super(spec);
        this.output = output;
        this.value = new BooleanValue(spec.id(), spec.name());
        value.set(spec.initial());
        addOutputValue(value, this::drive);
    }

    static DigitalOutputChannel open(ChannelSpec spec, Hardware hardware) throws HardwareException {
        DigitalOutput output = hardware.digitalOutput(spec.pin(), spec.initial() != spec.activeLow());
        return new DigitalOutputChannel(spec, output);
    }

    BooleanValue value() {
        return value;
    }

    private void drive(boolean on) {
        try {
            output.set(on != spec().activeLow());
            writeSucceeded();
        } catch (HardwareException e) {
            writeFailed("setting " + spec().address() + " to " + on + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        output.close();
    }
}
