package org.kervi.bench;

/** Nearest-rank percentiles of sorted nanosecond samples, the rule of every recorder in the benchmarks. */
final class Percentiles {
    private Percentiles() {
    }

    static double micros(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
