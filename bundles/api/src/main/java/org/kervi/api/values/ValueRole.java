package org.kervi.api.values;

/** What a value is to its component; decides whether it may be set from outside. */
public enum ValueRole {
    /** A value a component keeps for itself or for users; writable from outside. */
    STANDALONE(true),
    /** A sensor reading; only the sensor sets it. */
    SENSOR(false),
    /** A controller input; writable from outside and by links. */
    INPUT(true),
    /** A controller output; only the controller sets it. */
    OUTPUT(false);

    private final boolean writableFromOutside;

    ValueRole(boolean writableFromOutside) {
        this.writableFromOutside = writableFromOutside;
    }

    public boolean writableFromOutside() {
        return writableFromOutside;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
