package org.kervi.history.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 1-minute min / max / sum / count of a batch's number changes, per series, to add to the rollup table. */
final class Rollups {
    static final long MINUTE = 60_000;

    record Key(int series, long minute) {}

    static final class Cell {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum;
        long count;

        void add(double value) {
            min = Math.min(min, value);
            max = Math.max(max, value);
            sum += value;
            count++;
        }
    }

    private final Map<Key, Cell> cells = new LinkedHashMap<>();

    void add(int series, long timeMillis, double value) {
        cells.computeIfAbsent(new Key(series, minuteOf(timeMillis)), k -> new Cell()).add(value);
    }

    Collection<Map.Entry<Key, Cell>> cells() {
        return cells.entrySet();
    }

    static long minuteOf(long timeMillis) {
        return Math.floorDiv(timeMillis, MINUTE) * MINUTE;
    }
}
