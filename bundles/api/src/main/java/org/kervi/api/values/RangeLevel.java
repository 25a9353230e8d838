package org.kervi.api.values;

import java.util.Locale;

/** How a number value's range reads: normal, warning or error (Kervi's range types), from least to most severe. */
public enum RangeLevel {
    NORMAL,
    WARNING,
    ERROR;

    /** The lower-case name, as attributes and the dashboard carry it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level named {@code text} (any case); an {@link IllegalArgumentException} names the choices. */
    public static RangeLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("range level '" + text + "' is not one of normal, warning, error");
        }
    }
}
