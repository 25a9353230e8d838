package org.kervi.api.values;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** A failing listener must not stop the others nor the setter; it is logged. */
final class ListenerFailures {
    private static final Logger LOG = System.getLogger("org.kervi.api.values");

    private ListenerFailures() {}

    static void report(Value<?> value, Object listener, RuntimeException e) {
        LOG.log(Level.WARNING, "listener " + listener + " of " + value.id() + " failed", e);
    }
}
