package org.kervi.app.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a module runs: in a Karaf child instance of its own (the safe default), or in the root instance. */
enum Isolation {
    /** A child JVM: a module that crashes, deadlocks or leaks memory hurts nothing else. */
    PROCESS,
    /** The root JVM: saves a JVM's memory, but a module that deadlocks or leaks hurts its neighbours. */
    SHARED;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The isolation a configuration text names; blank means {@link #PROCESS}. */
    static Isolation parse(String text) {
        String key = text == null ? "" : text.trim();
        if (key.isEmpty()) {
            return PROCESS;
        }
        for (Isolation isolation : values()) {
            if (isolation.key().equalsIgnoreCase(key)) {
                return isolation;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not an isolation: use one of "
                + Arrays.stream(values()).map(Isolation::key).collect(Collectors.joining(", ")));
    }
}
