package org.kervi.api.values;

/** The type of a value, as shown to users and carried over IPC. */
public enum ValueKind {
    NUMBER, BOOLEAN, STRING, ENUM, DATETIME, COLOR;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
