package org.kervi.api.values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.kervi.api.Registration;

/**
 * A number with optional range, unit and delta. With a delta, a set is accepted only when it is at least delta away
 * from the last accepted value ({@code next >= last + delta} or {@code next <= last - delta}, as in Kervi); any other
 * set is discarded. The first set is always accepted. Optional normal / warning / error ranges ({@link #addWarningRange}) raise {@link RangeChange} events.
 */
public class NumberValue extends Value<Double> {
    /** The attribute that lists the declared ranges ({@link ValueRange#toAttribute()}). */
    public static final String RANGES = "ranges";
    /** The attribute that says which level the value's range reads now ({@link RangeLevel#label()}). */
    public static final String RANGE_LEVEL = "rangeLevel";
    /** The attribute that carries {@link #rangeHysteresis(double)} when it is set. */
    public static final String RANGE_HYSTERESIS = "rangeHysteresis";

    private final NumberRanges ranges = new NumberRanges();
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

    /** Kervi's {@code add_normal_range}: {@code low} to {@code high} inclusive; infinite for an open end. */
    public NumberValue addNormalRange(double low, double high) {
        return addRange(new ValueRange(RangeLevel.NORMAL, low, high, ""));
    }

    public NumberValue addNormalRange(double low, double high, String message) {
        return addRange(new ValueRange(RangeLevel.NORMAL, low, high, message));
    }

    /** Kervi's {@code add_warning_range}: entering it logs a warning (with {@code message} when given). */
    public NumberValue addWarningRange(double low, double high) {
        return addRange(new ValueRange(RangeLevel.WARNING, low, high, ""));
    }

    public NumberValue addWarningRange(double low, double high, String message) {
        return addRange(new ValueRange(RangeLevel.WARNING, low, high, message));
    }

    /** Kervi's {@code add_error_range}: entering it logs an error (with {@code message} when given). */
    public NumberValue addErrorRange(double low, double high) {
        return addRange(new ValueRange(RangeLevel.ERROR, low, high, ""));
    }

    public NumberValue addErrorRange(double low, double high, String message) {
        return addRange(new ValueRange(RangeLevel.ERROR, low, high, message));
    }

    /**
     * Declares a range. Where ranges overlap the most severe wins, between equal levels the first declared; outside
     * every range the value reads normal. The value's current state is placed at once when it has fired.
     */
    public NumberValue addRange(ValueRange range) {
        boolean first;
        synchronized (ranges) {
            first = ranges.isEmpty();
            ranges.add(java.util.Objects.requireNonNull(range));
        }
        if (first) {
            addListener(change -> evaluateRanges(change.current(), change.timestampMillis()));
        }
        if (hasFired()) {
            evaluateRanges(doubleValue(), changedAtMillis());
        }
        return this;
    }

    /**
     * How far past a range's bounds the value must go before it leaves that range for a milder one (0, the
     * default: at once). A reading that hovers at a bound then does not flap between levels; entering a more
     * severe range stays immediate. With a warning range 75–90, an error range from 90 and a margin of 2, the value
     * reads error from 90 up and back to warning only below 88.
     */
    public NumberValue rangeHysteresis(double margin) {
        if (!(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException(id() + ": range hysteresis must be a finite number >= 0, got " + margin);
        }
        ranges.hysteresis(margin);
        return this;
    }

    public double rangeHysteresis() {
        return ranges.hysteresis();
    }

    /** The declared ranges, in the order declared. */
    public List<ValueRange> ranges() {
        return ranges.all();
    }

    /** The range the value is in now; null when it is in none (or has not fired). */
    public ValueRange activeRange() {
        return ranges.active();
    }

    /** The level the value's range reads now: the active range's, normal outside every range. */
    public RangeLevel rangeLevel() {
        ValueRange active = ranges.active();
        return active == null ? RangeLevel.NORMAL : active.level();
    }

    /**
     * Tells {@code listener} each time the value enters another declared range or leaves them all (and once for
     * the first value after the ranges were declared, {@link RangeChange#initial()}); runs on the setting thread.
     */
    public Registration addRangeListener(RangeListener listener) {
        ranges.addListener(java.util.Objects.requireNonNull(listener));
        return () -> ranges.removeListener(listener);
    }

    private void evaluateRanges(double v, long timestampMillis) {
        RangeChange change = ranges.evaluate(this, v, timestampMillis);
        if (change != null) {
            ranges.fire(change);
        }
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
        if (!ranges.isEmpty()) {
            a.put(RANGES, ranges.all().stream().map(ValueRange::toAttribute).toList());
            a.put(RANGE_LEVEL, rangeLevel().label());
            if (ranges.hysteresis() > 0) {
                a.put(RANGE_HYSTERESIS, ranges.hysteresis());
            }
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
