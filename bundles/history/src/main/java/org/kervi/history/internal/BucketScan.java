package org.kervi.history.internal;

import java.util.ArrayList;
import java.util.List;
import org.kervi.api.history.HistoryPoint;

/**
 * Downsampling in one pass over rows in time order: per bucket of {@code width} ms the point with the lowest and the
 * one with the highest value (for text: the first and the last change), in time order. Spikes stay visible.
 */
final class BucketScan {
    private final long from;
    private final long width;
    private final List<HistoryPoint> points = new ArrayList<>();
    private long bucket = Long.MIN_VALUE;
    private long lowTime;
    private double low;
    private long highTime;
    private double high;
    private long firstTime;
    private String first;
    private long lastTime;
    private String last;

    BucketScan(long from, long width) {
        this.from = from;
        this.width = width;
    }

    /** A number row: {@code low} and {@code high} are the row's value (raw) or its minute's min and max (rollup). */
    void add(long time, double rowLow, double rowHigh) {
        long b = (time - from) / width;
        if (b != bucket) {
            flushNumbers();
            bucket = b;
            lowTime = time;
            low = rowLow;
            highTime = time;
            high = rowHigh;
            return;
        }
        if (rowLow < low) {
            low = rowLow;
            lowTime = time;
        }
        if (rowHigh > high) {
            high = rowHigh;
            highTime = time;
        }
    }

    void add(long time, String text) {
        long b = (time - from) / width;
        if (b != bucket) {
            flushText();
            bucket = b;
            firstTime = time;
            first = text;
        }
        lastTime = time;
        last = text;
    }

    List<HistoryPoint> numbers() {
        flushNumbers();
        return points;
    }

    List<HistoryPoint> texts() {
        flushText();
        return points;
    }

    private void flushNumbers() {
        if (bucket == Long.MIN_VALUE) {
            return;
        }
        if (lowTime == highTime && low == high) {
            points.add(new HistoryPoint(lowTime, low));
        } else if (lowTime <= highTime) {
            points.add(new HistoryPoint(lowTime, low));
            points.add(new HistoryPoint(highTime, high));
        } else {
            points.add(new HistoryPoint(highTime, high));
            points.add(new HistoryPoint(lowTime, low));
        }
        bucket = Long.MIN_VALUE;
    }

    private void flushText() {
        if (bucket == Long.MIN_VALUE) {
            return;
        }
        points.add(new HistoryPoint(firstTime, first));
        if (lastTime != firstTime) {
            points.add(new HistoryPoint(lastTime, last));
        }
        bucket = Long.MIN_VALUE;
    }
}
