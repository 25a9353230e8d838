package org.kervi.history.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.kervi.api.history.HistorySeries;

/**
 * History store benchmark (issue #10): sustained batched inserts and the 24 h × 1 Hz × 6 series query downsampled
 * to 1,000 points, on SQLite (a file in WAL mode) and PostgreSQL (a local server with its default durability), each
 * against a baseline measured in the same run: one INSERT per value with auto-commit, and reading every row of the
 * range and downsampling in Java. Prints a markdown report. Run by bench/run-history.sh.
 */
public final class HistoryStoreBenchmark {
    private static final long T0 = 1_700_000_000_000L;
    private static final int SERIES = 100;
    private static final int VALUES = Integer.getInteger("kervi.bench.values", 2_000_000);
    private static final long BASELINE_MILLIS = Long.getLong("kervi.bench.baselineMillis", 5_000);
    private static final int DAY = 86_400;
    private static final int QUERY_SERIES = 6;
    private static final int QUERY_ROUNDS = 10;
    private static final int MAX_POINTS = 1_000;

    private final Path dir;
    private final MemorySampler memory = new MemorySampler();

    private HistoryStoreBenchmark(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kervi-history-bench");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        new HistoryStoreBenchmark(dir).run();
    }

    private void run() throws Exception {
        memory.start();
        System.out.printf(Locale.ROOT, "# History store benchmark%n%nJava %s, %d cores, %d values per insert run in"
                + " batches (%d series), baseline runs %d ms, query: %d series x %d points to %d points, %d rounds%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), VALUES, SERIES,
                BASELINE_MILLIS, QUERY_SERIES, DAY, MAX_POINTS, QUERY_ROUNDS);
        report("SQLite (WAL, synchronous=NORMAL)", n -> new SqliteHistoryStore(dir.resolve("sqlite-" + n + ".db"), 5000));
        try (TestPostgres pg = TestPostgres.start(dir.resolve("pg"), true)) {
            report("PostgreSQL 14 (local, default fsync / synchronous_commit)",
                    n -> new PostgresHistoryStore(createDatabase(pg, n), "postgres", ""));
        }
        memory.stop();
    }

    interface StoreFactory {
        JdbcHistoryStore open(String name) throws Exception;
    }

    private static String createDatabase(TestPostgres pg, String name) {
        try {
            return pg.createDatabase("bench_" + name.replace('-', '_'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void report(String label, StoreFactory stores) throws Exception {
        System.out.printf("## %s%n%n| measure | Kervi | baseline | ratio |%n|---|---|---|---|%n", label);
        String writerMemory = Boolean.getBoolean("kervi.bench.queryOnly") ? "not measured" : inserts(stores);
        try (JdbcHistoryStore store = stores.open("query")) {
            fillDay(store);
            double[] kervi = latencies(() -> queryAll(store));
            double[] baseline = latencies(() -> readAllAndDownsampleInJava(store));
            System.out.printf(Locale.ROOT, "| query 24 h → 1,000 points, per series, median (ms) | %.1f | %.1f |"
                    + " %.2f× |%n", kervi[0], baseline[0], baseline[0] / kervi[0]);
            System.out.printf(Locale.ROOT, "| query 24 h → 1,000 points, per series, max (ms) | %.1f | %.1f | |%n",
                    kervi[1], baseline[1]);
            System.out.printf(Locale.ROOT, "| query 24 h → 1,000 points, per series, CPU of the calling thread,"
                    + " median (ms) | %.1f | %.1f | %.2f× |%n", kervi[2], baseline[2], baseline[2] / kervi[2]);
            store.rollupFromBucketMillis(0);
            double[] rollups = latencies(() -> queryAll(store));
            store.rollupFromBucketMillis(RollupReads.FROM_BUCKET_MILLIS);
            System.out.printf(Locale.ROOT, "| query 24 h → 1,000 points, per series, if read from rollups (baseline:"
                    + " the raw read above), median (ms) | %.1f | %.1f | %.1f× |%n", rollups[0], kervi[0],
                    kervi[0] / rollups[0]);
        }
        if (!Boolean.getBoolean("kervi.bench.skipWide")) {
            try (JdbcHistoryStore store = stores.open("wide")) {
                WideRangeQueries.report(store);
            }
        }
        System.out.printf("%nMemory of this JVM while the writer ran: %s%n%n", writerMemory);
    }

    /** The insert measures and their rows; returns the memory summary of the writer run. */
    private String inserts(StoreFactory stores) throws Exception {
        double batched;
        try (JdbcHistoryStore store = stores.open("batched")) {
            batched = batchedInserts(store);
        }
        double writer;
        memory.reset();
        try (JdbcHistoryStore store = stores.open("writer")) {
            writer = throughWriter(store);
        }
        String writerMemory = memory.summary();
        double single;
        try (JdbcHistoryStore store = stores.open("single")) {
            single = insertPerValue(store);
        }
        System.out.printf(Locale.ROOT, "| inserts, store.write batches of 100,000 (values/s) | %,.0f | %,.0f | %.1f× |%n",
                batched, single, batched / single);
        System.out.printf(Locale.ROOT, "| inserts through the writer (1 s window, queue 100,000) (values/s) | %,.0f |"
                + " %,.0f | %.1f× |%n", writer, single, writer / single);
        return writerMemory;
    }

    /** Values of {@code SERIES} series at 1 Hz each, {@code count} of them starting at value number {@code first}. */
    private static List<Sample> samples(int first, int count) {
        List<Sample> batch = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            batch.add(Sample.of("bench.s" + (i % SERIES), T0 + (i / SERIES) * 1000L, Math.sin(i / 1000.0) * 50));
        }
        return batch;
    }

    private static double batchedInserts(HistoryStore store) throws Exception {
        int batch = 100_000;
        store.write(samples(0, batch), List.of());
        long start = System.nanoTime();
        for (int first = batch; first < batch + VALUES; first += batch) {
            store.write(samples(first, batch), List.of());
        }
        return VALUES / seconds(start);
    }

    private static double throughWriter(HistoryStore store) throws Exception {
        HistoryWriter writer = new HistoryWriter(store, "bench", 100_000, 1000, 60_000, () -> {}, Long.MAX_VALUE);
        writer.start();
        long start = System.nanoTime();
        for (int first = 0; first < VALUES; first += 10_000) {
            if (writer.offerAll(samples(first, 10_000), 60_000) != 10_000) {
                throw new IllegalStateException("the writer did not take the values within 60 s");
            }
        }
        while (writer.written() < VALUES) {
            Thread.sleep(5);
        }
        double rate = VALUES / seconds(start);
        writer.close();
        if (writer.dropped() != 0 || !writer.health().healthy()) {
            throw new IllegalStateException("dropped " + writer.dropped() + ", " + writer.health());
        }
        return rate;
    }

    /** The baseline: one INSERT per value, each its own transaction (auto-commit), for {@code BASELINE_MILLIS}. */
    private double insertPerValue(JdbcHistoryStore store) throws Exception {
        store.write(samples(0, SERIES), List.of());
        try (Connection c = store.connect(true); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sample (series, t, num) VALUES ((SELECT id FROM series WHERE name = ?), ?, ?)")) {
            long start = System.nanoTime();
            long deadline = start + BASELINE_MILLIS * 1_000_000;
            int n = 0;
            for (int i = SERIES;; i++) {
                Sample s = samples(i, 1).get(0);
                insert.setString(1, s.id());
                insert.setLong(2, s.timeMillis());
                insert.setDouble(3, s.number());
                insert.executeUpdate();
                n++;
                if ((n & 63) == 0 && System.nanoTime() > deadline) {
                    break;
                }
            }
            return n / seconds(start);
        }
    }

    private static void fillDay(HistoryStore store) throws Exception {
        List<Sample> batch = new ArrayList<>(100_000);
        java.util.Random random = new java.util.Random(42);
        for (int second = 0; second < DAY; second++) {
            for (int s = 0; s < QUERY_SERIES; s++) {
                batch.add(Sample.of("day.s" + s, T0 + second * 1000L,
                        20 + 5 * Math.sin(second / 3600.0 + s) + random.nextGaussian()));
            }
            if (batch.size() >= 100_000) {
                store.write(batch, List.of());
                batch.clear();
            }
        }
        store.write(batch, List.of());
    }

    private static void queryAll(HistoryStore store) {
        for (int s = 0; s < QUERY_SERIES; s++) {
            try {
                HistorySeries series = store.query("day.s" + s, T0, T0 + DAY * 1000L - 1, MAX_POINTS, false);
                if (series.points().size() > MAX_POINTS || series.matched() != DAY) {
                    throw new IllegalStateException(series.points().size() + " points of " + series.matched());
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The baseline query: every row of the range to Java, then min and max per bucket there. */
    private static void readAllAndDownsampleInJava(JdbcHistoryStore store) {
        try (Connection c = store.connect(true); PreparedStatement st = c.prepareStatement("SELECT t, num FROM sample"
                + " WHERE series = (SELECT id FROM series WHERE name = ?) AND t BETWEEN ? AND ? ORDER BY t")) {
            long width = Buckets.width(T0, T0 + DAY * 1000L - 1, MAX_POINTS);
            for (int s = 0; s < QUERY_SERIES; s++) {
                st.setString(1, "day.s" + s);
                st.setLong(2, T0);
                st.setLong(3, T0 + DAY * 1000L - 1);
                double[] min = new double[MAX_POINTS / 2 + 1];
                double[] max = new double[MAX_POINTS / 2 + 1];
                Arrays.fill(min, Double.POSITIVE_INFINITY);
                Arrays.fill(max, Double.NEGATIVE_INFINITY);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        int b = (int) ((rs.getLong(1) - T0) / width);
                        double v = rs.getDouble(2);
                        min[b] = Math.min(min[b], v);
                        max[b] = Math.max(max[b], v);
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per series, of {@code QUERY_ROUNDS} rounds over all series (after one warm-up): median and max wall-clock
     * milliseconds, and the median CPU milliseconds of this thread (SQLite runs in it: what an idle machine would
     * show; PostgreSQL's own work is not in it).
     */
    private static double[] latencies(Runnable roundOverAllSeries) {
        return latencies(roundOverAllSeries, QUERY_SERIES);
    }

    static double[] latencies(Runnable roundOverAllSeries, int seriesPerRound) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        roundOverAllSeries.run();
        double[] wall = new double[QUERY_ROUNDS];
        double[] cpu = new double[QUERY_ROUNDS];
        for (int r = 0; r < QUERY_ROUNDS; r++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            roundOverAllSeries.run();
            cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / seriesPerRound;
            wall[r] = (System.nanoTime() - start) / 1e6 / seriesPerRound;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[QUERY_ROUNDS / 2], wall[QUERY_ROUNDS - 1], cpu[QUERY_ROUNDS / 2]};
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

}
