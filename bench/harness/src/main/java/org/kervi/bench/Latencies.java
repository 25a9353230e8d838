package org.kervi.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latency samples in nanoseconds with exact percentiles, plus the receive rate over the recording. The same
 * quantile rule as the probe bundle's recorder (nearest rank), so raw and Kervi figures compare.
 */
final class Latencies {
    private final long[] samples;
    private int count;
    private long firstNanos;
    private long lastNanos;

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    synchronized void record(long latencyNanos, long nowNanos) {
        if (count == 0) {
            firstNanos = nowNanos;
        }
        if (count < samples.length) {
            samples[count] = latencyNanos;
        }
        lastNanos = nowNanos;
        count++;
    }

    synchronized void reset() {
        count = 0;
        firstNanos = 0;
        lastNanos = 0;
    }

    synchronized int count() {
        return count;
    }

    /** JSON as the probe bundle's {@code bench_sink.stats}: count, ratePerSecond, p50us, p99us, p999us, maxus. */
    synchronized String statsJson() {
        int n = Math.min(count, samples.length);
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        double seconds = (lastNanos - firstNanos) / 1e9;
        return String.format(Locale.ROOT, "{\"count\":%d,\"ratePerSecond\":%.0f,\"p50us\":%.1f,\"p99us\":%.1f,"
                + "\"p999us\":%.1f,\"maxus\":%.1f}", count, seconds > 0 ? (count - 1) / seconds : 0,
                Percentiles.micros(sorted, 0.50), Percentiles.micros(sorted, 0.99), Percentiles.micros(sorted, 0.999),
                n == 0 ? 0 : sorted[n - 1] / 1000.0);
    }
}
