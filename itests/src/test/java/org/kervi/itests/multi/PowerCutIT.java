package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.itests.producer.ProducerBundle;
import org.kervi.itests.producer.RateProducer;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 10, a power cut: the root records about 1,000 value changes/s into its SQLite history (a test bundle,
 * {@link RateProducer}, changes counters that fast) and is killed with {@code kill -9}. The database file opens clean
 * ({@code PRAGMA integrity_check}), no more than the batch window of points before the kill is missing and none in
 * between, and the root records again when started on the same data folder.
 */
public class PowerCutIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long BATCH_MILLIS = 1_000;
    /** A batch written late on a busy two-core machine. */
    private static final long MARGIN_MILLIS = 2_000;
    private static final int RECORDED_BEFORE_THE_CUT = 5 * RateProducer.PER_SECOND;
    private KarafProcess root;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root);
    }

    @Test
    public void killedWhileRecordingTheDatabaseOpensCleanAndLosesAtMostOneBatch() throws Exception {
        root = new KarafProcess("powercut")
                .withConfig("org.kervi.history", Map.of("batchMillis", Long.toString(BATCH_MILLIS)))
                .withBootFeatures("kervi-history");
        ProducerBundle.write(root.home().resolve("deploy/rate-producer.jar"));
        root.start();
        Path database = root.home().resolve("data/kervi/history.db");
        Poll.until(RECORDED_BEFORE_THE_CUT + " changes of the producer in " + database, TIMEOUT,
                () -> Files.exists(database) && total(stored(database)) >= RECORDED_BEFORE_THE_CUT ? true : null);

        long cutAt = System.currentTimeMillis();
        root.kill9();
        Path copy = copyOfTheFiles(database);
        try (Connection db = open(copy)) {
            assertEquals("ok", integrityCheck(db));
            List<Stored> before = stored(db);
            log("after the cut at " + Instant.ofEpochMilli(cutAt) + ": " + before);
            assertEquals("a series per counter: " + before, RateProducer.SERIES, before.size());
            long from = before.stream().mapToLong(Stored::firstMillis).min().orElseThrow();
            long to = before.stream().mapToLong(Stored::lastMillis).max().orElseThrow();
            double perSecond = total(before) * 1000.0 / Math.max(1, to - from);
            log(String.format(Locale.ROOT, "recorded %.0f changes/s", perSecond));
            assertTrue("recorded at about " + RateProducer.PER_SECOND + " changes/s: " + perSecond,
                    perSecond >= RateProducer.PER_SECOND / 2.0);
            for (Stored series : before) {
                assertEquals("no change missing between the first and the last stored: " + series, series.count(),
                        series.last() - series.first() + 1);
                long missingMillis = cutAt - series.lastMillis();
                assertTrue(series.id() + ": the changes of the last " + missingMillis + " ms before the cut are"
                        + " missing; allowed: one batch (" + BATCH_MILLIS + " ms) + " + MARGIN_MILLIS + " ms",
                        missingMillis <= BATCH_MILLIS + MARGIN_MILLIS);
            }
        }

        long restartedAt = System.currentTimeMillis();
        root.start();
        List<Stored> after = Poll.until("changes recorded after the restart", TIMEOUT, () -> {
            List<Stored> now = stored(database);
            return now.stream().anyMatch(s -> s.lastMillis() > restartedAt) ? now : null;
        });
        log("after the restart: " + after);
        try (Connection db = open(database)) {
            assertEquals("ok", integrityCheck(db));
        }
    }

    /** The changes of one counter: how many, its first and last value, their times. */
    private record Stored(String id, long count, long first, long last, long firstMillis, long lastMillis) {
        @Override
        public String toString() {
            return id + ": " + count + " changes, " + first + ".." + last + ", " + Instant.ofEpochMilli(firstMillis)
                    + " to " + Instant.ofEpochMilli(lastMillis);
        }
    }

    private static long total(List<Stored> series) {
        return series.stream().mapToLong(Stored::count).sum();
    }

    private static List<Stored> stored(Path database) {
        try (Connection db = open(database)) {
            return stored(db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
    }

    private static List<Stored> stored(Connection db) throws SQLException {
        List<Stored> series = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement("SELECT series.name, count(*), min(num), max(num), min(t),"
                + " max(t) FROM sample JOIN series ON sample.series = series.id WHERE series.name LIKE ?"
                + " GROUP BY series.name ORDER BY series.name")) {
            st.setString(1, RateProducer.PREFIX + "%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    series.add(new Stored(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6)));
                }
            }
        }
        return series;
    }

    private static String integrityCheck(Connection db) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            StringBuilder result = new StringBuilder();
            while (rs.next()) {
                result.append(result.length() == 0 ? "" : "\n").append(rs.getString(1));
            }
            return result.toString();
        }
    }

    private static Connection open(Path database) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + database);
    }

    /** The database as the cut left it (with its write-ahead log), opened apart from the instance's own file. */
    private static Path copyOfTheFiles(Path database) throws Exception {
        Path folder = Files.createTempDirectory(database.getParent().getParent(), "cut-");
        for (String suffix : new String[] {"", "-wal"}) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            if (Files.exists(file)) {
                Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return folder.resolve(database.getFileName());
    }

    private static void log(String message) {
        System.out.println("[PowerCutIT] " + message);
    }
}
