package org.kervi.devices.pi4j.internal.channels;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.hardware.ChannelState;
import org.kervi.api.hardware.ChannelStatus;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRole;

/**
 * A pin as a Kervi component with one value whose id is the channel id. Closing it releases the pin. A write to the
 * pin that fails is kept as the channel's error (and logged once), the last good state stays on the pin.
 */
abstract class GpioChannel extends KerviComponent implements AutoCloseable {
    private static final Logger LOG = System.getLogger(GpioChannel.class.getName());
    private final ChannelSpec spec;
    private volatile String error = "";

    GpioChannel(ChannelSpec spec) {
        super(spec.id(), spec.name());
        this.spec = spec;
    }

    /** Opens the pin {@code spec} names and makes the channel for it. */
    static GpioChannel open(ChannelSpec spec, Hardware hardware, Debouncer.Timer timer) throws HardwareException {
        return switch (spec.kind()) {
            case DIGITAL_INPUT -> DigitalInputChannel.open(spec, hardware, timer);
            case DIGITAL_OUTPUT -> DigitalOutputChannel.open(spec, hardware);
            case PWM -> PwmChannel.open(spec, hardware);
        };
    }

    final ChannelSpec spec() {
        return spec;
    }

    final ChannelStatus status() {
        return new ChannelStatus(spec.id(), spec.kind().configName(), spec.address(), ChannelState.ACTIVE, error);
    }

    /** The last failed write to the pin, empty after a good one. */
    final String error() {
        return error;
    }

    final void writeSucceeded() {
        error = "";
    }

    final void writeFailed(String message) {
        if (!message.equals(error)) {
            LOG.log(Level.WARNING, "gpio channel " + id() + ": " + message);
        }
        error = message;
    }

    /**
     * Adds the channel's value for an output: writable from outside and by a link ({@code linkTo} when configured),
     * every fired change handed to {@code drive}.
     */
    final <T, V extends Value<T>> V addOutputValue(V value, Consumer<T> drive) {
        addValue(value);
        value.role(ValueRole.INPUT);
        value.addListener(change -> drive.accept(change.current()));
        if (!spec.linkTo().isEmpty()) {
            value.linkTo(spec.linkTo());
        }
        return value;
    }

    @Override
    public abstract void close();
}
