package org.kervi.api.values;

/** One accepted (fired) change of a value. {@code previous} is the value accepted before it. */
public record ValueChange<T>(Value<T> value, T previous, T current, ValueSource source, long timestampMillis) {
    public String id() {
        return value.id();
    }
}
