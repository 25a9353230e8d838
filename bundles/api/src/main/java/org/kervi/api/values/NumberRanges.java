package org.kervi.api.values;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The declared ranges of one number value and the one it is in. Where ranges overlap the most severe wins (error
 * over warning over normal), between equals the first declared; outside every range the value reads normal.
 */
final class NumberRanges {
    private final List<ValueRange> ranges = new CopyOnWriteArrayList<>();
    private final List<RangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private ValueRange active;
    private boolean evaluated;
    private volatile double hysteresis;

    void hysteresis(double margin) {
        hysteresis = margin;
    }

    double hysteresis() {
        return hysteresis;
    }

    void add(ValueRange range) {
        ranges.add(range);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    List<ValueRange> all() {
        return List.copyOf(ranges);
    }

    void addListener(RangeListener listener) {
        listeners.add(listener);
    }

    void removeListener(RangeListener listener) {
        listeners.remove(listener);
    }

    /** The range {@code v} falls in, null for none. */
    ValueRange rangeOf(double v) {
        ValueRange best = null;
        for (ValueRange r : ranges) {
            if (r.contains(v) && (best == null || r.level().compareTo(best.level()) > 0)) {
                best = r;
            }
        }
        return best;
    }

    ValueRange active() {
        synchronized (lock) {
            return active;
        }
    }

    /** Moves to the range of {@code v}; the change to tell listeners of, or null when the range stayed. */
    RangeChange evaluate(NumberValue value, double v, long timestampMillis) {
        if (ranges.isEmpty()) {
            return null;
        }
        ValueRange next = rangeOf(v);
        synchronized (lock) {
            boolean initial = !evaluated;
            if (!initial && next != active && holds(active, next, v)) {
                next = active;
            }
            if (!initial && next == active) {
                return null;
            }
            ValueRange previous = active;
            active = next;
            evaluated = true;
            return new RangeChange(value, previous, next, v, timestampMillis, initial);
        }
    }

    /**
     * Whether the value stays in {@code current} although it reads {@code next}: it is still within the hysteresis
     * margin of {@code current}'s bounds and {@code next} is no more severe (a more severe range is entered at once).
     */
    private boolean holds(ValueRange current, ValueRange next, double v) {
        double margin = hysteresis;
        return current != null && margin > 0 && v >= current.low() - margin && v <= current.high() + margin
                && (next == null || next.level().compareTo(current.level()) <= 0);
    }

    void fire(RangeChange change) {
        for (RangeListener listener : new ArrayList<>(listeners)) {
            try {
                listener.rangeChanged(change);
            } catch (RuntimeException e) {
                ListenerFailures.report(change.value(), listener, e);
            }
        }
    }
}
