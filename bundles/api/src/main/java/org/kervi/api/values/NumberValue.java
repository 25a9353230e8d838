package org.kervi.api.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A number with optional range, unit and delta. With a delta, a set is accepted only when it is at least delta away
 * from the last accepted value ({@code next >= last + delta} or {@code next <= last - delta}, as in Kervi); any other
 * set is discarded. The first set is always accepted.
 */
public class NumberValue extends Value<Double> {
    private volatile double min = Double.NEGATIVE_INFINITY;
    private volatile double max = Double.POSITIVE_INFINITY;
    private volatile String unit = "";
    private volatile double delta;
    private volatile int decimals = 3;

    public NumberValue(String id, String name) {
        super(id, name, ValueKind.NUMBER, 0.0);
    }

    public NumberValue range(double newMin, double newMax) {
        if (Double.isNaN(newMin) || Double.isNaN(newMax) || newMin > newMax) {
            throw new IllegalArgumentException(id() + ": range [" + newMin + ", " + newMax + "] is empty");
        }
        this.min = newMin;
        this.max = newMax;
        return this;
    }

    public NumberValue unit(String newUnit) {
        this.unit = newUnit == null ? "" : newUnit;
        return this;
    }

    /** Accept only sets at least {@code newDelta} away from the last accepted value, discard others; 0 accepts all. */
    public NumberValue delta(double newDelta) {
        if (!(newDelta >= 0)) {
            throw new IllegalArgumentException(id() + ": delta must be zero or positive, got " + newDelta);
        }
        this.delta = newDelta;
        return this;
    }

    /** Decimals shown when the value is displayed (the value itself keeps its precision); default 3. */
    public NumberValue decimals(int shown) {
        if (shown < 0 || shown > 15) {
            throw new IllegalArgumentException(id() + ": decimals must be 0..15, got " + shown);
        }
        this.decimals = shown;
        return this;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public String unit() {
        return unit;
    }

    public double delta() {
        return delta;
    }

    public void set(double v) {
        set(Double.valueOf(v));
    }

    @Override
    public void set(Double v) {
        if (v != null && v.isNaN()) {
            throw new ValueRejectedException(id(), "NaN is not a number value");
        }
        super.set(v);
    }

    public double doubleValue() {
        Double v = get();
        return v == null ? 0 : v;
    }

    @Override
    protected boolean shouldFire(Double lastAccepted, Double next) {
        double d = delta;
        return d == 0 || next >= lastAccepted + d || next <= lastAccepted - d;
    }

    @Override
    public Double convert(Object raw) {
        double converted;
        if (raw instanceof Number number) {
            converted = number.doubleValue();
        } else if (raw instanceof CharSequence text) {
            try {
                converted = new BigDecimal(text.toString().trim()).doubleValue();
            } catch (NumberFormatException e) {
                throw new ValueRejectedException(id(), "expected a number, got " + ValueRejectedException.describe(raw));
            }
        } else {
            throw new ValueRejectedException(id(), "expected a number, got " + ValueRejectedException.describe(raw));
        }
        if (Double.isNaN(converted) || Double.isInfinite(converted)) {
            throw new ValueRejectedException(id(), "expected a finite number, got " + converted);
        }
        return converted;
    }

    @Override
    protected void checkAllowed(Double candidate) {
        if (candidate < min || candidate > max) {
            throw new ValueRejectedException(id(), format(candidate) + " is out of range [" + format(min) + ", "
                    + format(max) + "]");
        }
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> a = super.attributes();
        a.put("unit", unit);
        a.put("decimals", decimals);
        if (!Double.isInfinite(min)) {
            a.put("min", min);
        }
        if (!Double.isInfinite(max)) {
            a.put("max", max);
        }
        if (delta > 0) {
            a.put("delta", delta);
        }
        return a;
    }

    @Override
    public String format(Double v) {
        if (v == null) {
            return "";
        }
        if (v.isInfinite() || v.isNaN()) {
            return v.toString();
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
