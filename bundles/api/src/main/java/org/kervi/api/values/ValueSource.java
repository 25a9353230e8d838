package org.kervi.api.values;

/** Who set a value. */
public enum ValueSource {
    /** The owning component's own code. */
    CODE,
    /** The shell, the dashboard or another instance, after type and range checks. */
    EXTERNAL,
    /** A link following another value. */
    LINK
}
