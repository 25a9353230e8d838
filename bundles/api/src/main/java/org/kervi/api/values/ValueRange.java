package org.kervi.api.values;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A declared range of a number value: {@code low} to {@code high}, both inclusive, either end open (infinite), with
 * a level and an optional message that is logged when the value enters it.
 */
public record ValueRange(RangeLevel level, double low, double high, String message) {
    public ValueRange {
        Objects.requireNonNull(level, "level");
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException(level.label() + " range [" + low + ", " + high + "] is empty");
        }
        message = message == null ? "" : message;
    }

    public boolean contains(double v) {
        return v >= low && v <= high;
    }

    /** As the value's {@code ranges} attribute carries it (open ends left out). */
    public Map<String, Object> toAttribute() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("level", level.label());
        if (!Double.isInfinite(low)) {
            a.put("low", low);
        }
        if (!Double.isInfinite(high)) {
            a.put("high", high);
        }
        if (!message.isEmpty()) {
            a.put("message", message);
        }
        return a;
    }

    /** Reads {@link #toAttribute()} back (a proxy of a remote value); a bad entry gets a clear error. */
    public static ValueRange fromAttribute(Object attribute) {
        if (!(attribute instanceof Map<?, ?> m) || !(m.get("level") instanceof String level)) {
            throw new IllegalArgumentException("a range must be an object with a level, got " + attribute);
        }
        double low = m.get("low") instanceof Number n ? n.doubleValue() : Double.NEGATIVE_INFINITY;
        double high = m.get("high") instanceof Number n ? n.doubleValue() : Double.POSITIVE_INFINITY;
        Object message = m.get("message");
        return new ValueRange(RangeLevel.parse(level), low, high, message == null ? "" : message.toString());
    }

    /** {@code [75, 90]}, {@code [90, ∞)}. */
    public String describe(NumberValue value) {
        String from = Double.isInfinite(low) ? "(-∞" : "[" + value.format(low);
        String to = Double.isInfinite(high) ? "∞)" : value.format(high) + "]";
        return from + ", " + to;
    }
}
