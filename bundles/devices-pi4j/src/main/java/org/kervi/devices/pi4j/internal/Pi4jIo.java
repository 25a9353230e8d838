package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import java.util.function.Supplier;
import org.kervi.api.hardware.HardwareException;

/** What every Pi4J-backed pin or device shares: turning Pi4J's unchecked errors into ours, and release. */
final class Pi4jIo {
    /** An I/O step that may fail with one of Pi4J's (unchecked) exceptions. */
    @FunctionalInterface
    interface Step<T> {
        T run();
    }

    private Pi4jIo() {}

    /** {@code where} names the pin or register for the error only: no text is built on the path that works. */
    static <T> T onBus(Supplier<String> where, Step<T> step) throws HardwareException {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw new HardwareException(HardwareException.Kind.BUS_ERROR, where.get() + ": " + e.getMessage(), e);
        }
    }

    /** Shuts the I/O down and takes it out of the context's registry, so that its pin can be opened again. */
    static void release(Context context, String id) {
        if (context.registry().exists(id)) {
            context.shutdown(id);
        }
    }
}
