package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;

/**
 * The last changes of each number value, kept in memory so that a chart opened now is full at once, and so that
 * {@code api/history} has an answer when no {@code kervi-history} store runs. Bounded per value.
 */
final class History {
    static final String SOURCE = "memory";

    private final int capacity;
    private final Map<String, Ring> rings = new ConcurrentHashMap<>();

    History(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    int capacity() {
        return capacity;
    }

    void record(String id, double value, long timestampMillis) {
        rings.computeIfAbsent(id, k -> new Ring(capacity)).add(timestampMillis, value);
    }

    void forget(String id) {
        rings.remove(id);
    }

    /** {@code [[t, v], …]} oldest first; empty when nothing was recorded. */
    JsonArray points(String id) {
        Ring ring = rings.get(id);
        return ring == null ? new JsonArray() : ring.toJson();
    }

    /** The kept points of {@code id} in [from, to], downsampled like the store's to at most {@code maxPoints}. */
    HistorySeries series(String id, long fromMillis, long toMillis, int maxPoints) {
        Ring ring = rings.get(id);
        List<HistoryPoint> in = ring == null ? List.of() : ring.between(fromMillis, toMillis);
        List<HistoryPoint> out = MinMaxBuckets.reduce(in, fromMillis, toMillis, maxPoints);
        return new HistorySeries(id, fromMillis, toMillis, out, SOURCE, out.size() < in.size(), in.size());
    }

    /** When the oldest kept point of {@code id} is from, or {@link Long#MAX_VALUE} when none is kept. */
    long oldestMillis(String id) {
        Ring ring = rings.get(id);
        return ring == null ? Long.MAX_VALUE : ring.oldest();
    }

    /** Whether the ring of {@code id} is full, i.e. older changes were let go. */
    boolean full(String id) {
        Ring ring = rings.get(id);
        return ring != null && ring.full();
    }

    private static final class Ring {
        private final long[] times;
        private final double[] values;
        private int next;
        private int size;

        Ring(int capacity) {
            times = new long[capacity];
            values = new double[capacity];
        }

        synchronized void add(long t, double v) {
            times[next] = t;
            values[next] = v;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
        }

        private int at(int i) {
            return (next - size + i + times.length) % times.length;
        }

        synchronized long oldest() {
            return size == 0 ? Long.MAX_VALUE : times[at(0)];
        }

        synchronized boolean full() {
            return size == times.length;
        }

        synchronized List<HistoryPoint> between(long from, long to) {
            List<HistoryPoint> out = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                long t = times[at(i)];
                if (t >= from && t <= to) {
                    out.add(new HistoryPoint(t, values[at(i)]));
                }
            }
            return out;
        }

        synchronized JsonArray toJson() {
            JsonArray points = new JsonArray(size);
            for (int i = 0; i < size; i++) {
                JsonArray p = new JsonArray(2);
                p.add(times[at(i)]);
                p.add(values[at(i)]);
                points.add(p);
            }
            return points;
        }
    }
}
