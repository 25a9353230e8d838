package org.kervi.history.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kervi.api.history.HistorySeries;

/**
 * Wide ranges (issue #10): one series at 1 Hz for 30 days (2,592,000 changes, all within the default raw
 * retention), queried to 1,000 points over its last 48 h, 7 d and 30 d, once from the rollups and once from every
 * raw change, both through the store's query (only its rollup threshold differs), in the same run.
 */
final class WideRangeQueries {
    private static final long T0 = 1_700_000_000_000L;
    private static final int DAYS = Integer.getInteger("kervi.bench.wideDays", 30);
    private static final long DAY_MILLIS = 86_400_000L;
    private static final int MAX_POINTS = 1_000;
    private static final String ID = "wide.s0";

    private WideRangeQueries() {}

    /** Prints one table row per range: rollups (the store's path for these widths) against the raw read. */
    static void report(JdbcHistoryStore store) throws Exception {
        long fillStart = System.nanoTime();
        long end = fill(store);
        System.out.printf(Locale.ROOT, "| (filling %d d × 1 Hz, one series, batches of 100,000, with rollups) (s) |"
                + " %.1f | | |%n", DAYS, (System.nanoTime() - fillStart) / 1e9);
        for (int hours : new int[] {48, 7 * 24, DAYS * 24}) {
            long from = end - hours * 3_600_000L + 1;
            double[] rollups = latencies(store, from, end, 0, "rollup");
            double[] raw = latencies(store, from, end, Long.MAX_VALUE, "raw");
            String range = hours % 24 == 0 && hours > 48 ? hours / 24 + " d" : hours + " h";
            System.out.printf(Locale.ROOT, "| query %s × 1 Hz → 1,000 points, one series, rollups (baseline: the"
                    + " store's raw read), median (ms) | %.1f | %.1f | %.1f× |%n", range, rollups[0], raw[0],
                    raw[0] / rollups[0]);
            System.out.printf(Locale.ROOT, "| same, max (ms) | %.1f | %.1f | |%n", rollups[1], raw[1]);
            System.out.printf(Locale.ROOT, "| same, CPU of the calling thread, median (ms) | %.1f | %.1f | |%n",
                    rollups[2], raw[2]);
        }
        store.rollupFromBucketMillis(RollupReads.FROM_BUCKET_MILLIS);
    }

    /** Returns the time of the last change. */
    private static long fill(HistoryStore store) throws Exception {
        int changes = (int) (DAYS * DAY_MILLIS / 1000);
        java.util.Random random = new java.util.Random(7);
        List<Sample> batch = new ArrayList<>(100_000);
        for (int second = 0; second < changes; second++) {
            double value = 20 + 5 * Math.sin(second / 3600.0) + random.nextGaussian();
            batch.add(Sample.of(ID, T0 + second * 1000L, second == changes / 3 ? 1_000 : value));
            if (batch.size() == 100_000) {
                store.write(batch, List.of());
                batch = new ArrayList<>(100_000);
            }
        }
        store.write(batch, List.of());
        return T0 + (changes - 1) * 1000L;
    }

    private static double[] latencies(JdbcHistoryStore store, long from, long to, long rollupFromBucket,
            String source) {
        store.rollupFromBucketMillis(rollupFromBucket);
        return HistoryStoreBenchmark.latencies(() -> {
            try {
                HistorySeries series = store.query(ID, from, to, MAX_POINTS, false);
                if (series.points().size() > MAX_POINTS || !series.source().equals(source)
                        || series.matched() != (to - from + 1) / 1000) {
                    throw new IllegalStateException(series.source() + ": " + series.points().size() + " points of "
                            + series.matched());
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 1);
    }
}
