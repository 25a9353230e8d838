package org.kervi.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of latency samples in nanoseconds (nearest rank, as {@link Latencies} and the probe bundle), in
 * milliseconds: the unit of the dashboard's target.
 */
record LatencySummary(int count, double p50ms, double p90ms, double p99ms, double p999ms, double maxms) {

    static LatencySummary of(long[] samples, int count) {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new LatencySummary(count, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999),
                count == 0 ? 0 : sorted[count - 1] / 1e6);
    }

    /** From {@code bench_sink.stats}-style figures (microseconds; no p90 there). */
    static LatencySummary of(Bench.Stats s) {
        return new LatencySummary((int) s.count(), s.p50us() / 1000, Double.NaN, s.p99us() / 1000,
                s.p999us() / 1000, s.maxus() / 1000);
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** {@code | p50 | p90 | p99 | p99.9 | max |} cells. */
    String cells() {
        return String.format(Locale.ROOT, "%s | %s | %s | %s | %s", fmt(p50ms), fmt(p90ms), fmt(p99ms), fmt(p999ms),
                fmt(maxms));
    }

    static String fmt(double ms) {
        if (Double.isNaN(ms)) {
            return "—";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d p50=%s p90=%s p99=%s p99.9=%s max=%s ms", count, fmt(p50ms),
                fmt(p90ms), fmt(p99ms), fmt(p999ms), fmt(maxms));
    }
}
