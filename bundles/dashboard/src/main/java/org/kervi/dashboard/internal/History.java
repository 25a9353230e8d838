package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last changes of each number value, so that a chart opened now is full at once. Bounded per value. */
final class History {
    private final int capacity;
    private final Map<String, Ring> rings = new ConcurrentHashMap<>();

    History(int capacity) {
        this.capacity = Math.max(1, capacity);
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

        synchronized JsonArray toJson() {
            JsonArray points = new JsonArray(size);
            int start = (next - size + times.length) % times.length;
            for (int i = 0; i < size; i++) {
                int at = (start + i) % times.length;
                JsonArray p = new JsonArray(2);
                p.add(times[at]);
                p.add(values[at]);
                points.add(p);
            }
            return points;
        }
    }
}
