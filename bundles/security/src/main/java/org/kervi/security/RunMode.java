package org.kervi.security;

import java.util.Locale;

/**
 * How an instance treats credentials, from the system property {@value #PROPERTY}: {@link #PRODUCTION} (also when
 * the property is absent: the distribution as shipped) refuses default and plain-text passwords;
 * {@link #DEVELOPMENT} gives {@code karaf}/{@code karaf} for demos and tests.
 */
public enum RunMode {
    PRODUCTION,
    DEVELOPMENT;

    public static final String PROPERTY = "kervi.mode";

    /** The mode of this JVM; a value that is neither mode counts as production (see {@link #isKnown}). */
    public static RunMode current() {
        return parse(System.getProperty(PROPERTY));
    }

    static RunMode parse(String value) {
        return value != null && "development".equals(value.trim().toLowerCase(Locale.ROOT)) ? DEVELOPMENT : PRODUCTION;
    }

    /** False when {@value #PROPERTY} is set to something else than {@code production} or {@code development}. */
    public static boolean isKnown(String value) {
        if (value == null) {
            return true;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("production") || v.equals("development");
    }

    /** The property's value for this mode, as written on a command line: {@code production} or {@code development}. */
    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
