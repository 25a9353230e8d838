package org.kervi.api.history;

/** The last stored value of a value id, or the kept state of a persisted value. */
public record StoredValue(String id, long timeMillis, Object value) {}
