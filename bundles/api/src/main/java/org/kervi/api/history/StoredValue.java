package org.kervi.api.history;

/** The last stored value of a value id, kept without expiry for values that {@link org.kervi.api.values.Value#persist()}. */
public record StoredValue(String id, long timeMillis, Object value) {}
