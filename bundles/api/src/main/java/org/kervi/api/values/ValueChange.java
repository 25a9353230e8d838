package org.kervi.api.values;

/** One fired change of a value. {@code previous} is the value before this set (may equal a non-fired value). */
public record ValueChange<T>(Value<T> value, T previous, T current, ValueSource source, long timestampMillis) {
    public String id() {
        return value.id();
    }
}
