package org.kervi.bench.internal;

import java.util.Arrays;
import java.util.Locale;

/** Records latencies in nanoseconds into a fixed array; exact percentiles on demand. Single writer. */
final class LatencyRecorder {
    private final long[] samples;
    private volatile int count;
    private volatile long firstNanos;
    private volatile long lastNanos;

    LatencyRecorder(int capacity) {
        samples = new long[capacity];
    }

    void record(long latencyNanos, long nowNanos) {
        int n = count;
        if (n == 0) {
            firstNanos = nowNanos;
        }
        if (n < samples.length) {
            samples[n] = latencyNanos;
        }
        lastNanos = nowNanos;
        count = n + 1;
    }

    int count() {
        return count;
    }

    synchronized void reset() {
        count = 0;
        firstNanos = 0;
        lastNanos = 0;
    }

    /** JSON: count, per-second rate over the recording, p50, p99, p999 and max in microseconds. */
    synchronized String statsJson() {
        int n = Math.min(count, samples.length);
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        double seconds = (lastNanos - firstNanos) / 1e9;
        return String.format(Locale.ROOT, "{\"count\":%d,\"ratePerSecond\":%.0f,\"p50us\":%.1f,\"p99us\":%.1f,"
                + "\"p999us\":%.1f,\"maxus\":%.1f}", count, seconds > 0 ? (count - 1) / seconds : 0,
                micros(sorted, 0.50), micros(sorted, 0.99), micros(sorted, 0.999),
                n == 0 ? 0 : sorted[n - 1] / 1000.0);
    }

    private static double micros(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
