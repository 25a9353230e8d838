package org.kervi.history.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 1-minute min / max / sum / count of a batch's number changes, per series, to add to the rollup table, with the
 * time of the minute's lowest and highest change (the earliest on a tie), so that a chart read from rollups places
 * a spike at its real time.
 */
final class Rollups {
    static final long MINUTE = 60_000;

    record Key(int series, long minute) {}

    static final class Cell {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long minTime;
        long maxTime;
        double sum;
        long count;

        void add(long timeMillis, double value) {
            if (value < min || value == min && timeMillis < minTime) {
                min = value;
                minTime = timeMillis;
            }
            if (value > max || value == max && timeMillis < maxTime) {
                max = value;
                maxTime = timeMillis;
            }
            sum += value;
            count++;
        }
    }

    private final Map<Key, Cell> cells = new LinkedHashMap<>();

    void add(int series, long timeMillis, double value) {
        cells.computeIfAbsent(new Key(series, minuteOf(timeMillis)), k -> new Cell()).add(timeMillis, value);
    }

    Collection<Map.Entry<Key, Cell>> cells() {
        return cells.entrySet();
    }

    static long minuteOf(long timeMillis) {
        return Math.floorDiv(timeMillis, MINUTE) * MINUTE;
    }
}
