package org.kervi.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.StoredValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link HistoryStore} does, run against a real database by each subclass (SQLite file, PostgreSQL
 * server). A subclass opens a store on fresh storage, opens it again on the same storage, and can make the
 * database fail and recover.
 */
abstract class HistoryStoreContractTest {
    static final long T0 = 1_700_000_000_000L;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A store on new, empty storage (the same storage until {@link #reopen()}). */
    protected abstract HistoryStore newStore() throws Exception;

    /** Another store on the storage of the last {@link #newStore()}. */
    protected abstract HistoryStore reopen() throws Exception;

    /** Makes writes to the storage fail (a lock held elsewhere, a server gone) until {@link #repair()}. */
    protected abstract void breakWrites() throws Exception;

    protected abstract void repair() throws Exception;

    protected HistoryStore store() throws Exception {
        return track(newStore());
    }

    <T extends AutoCloseable> T track(T closeable) {
        opened.add(0, closeable);
        return closeable;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    static Sample number(String id, long t, double v) {
        return Sample.of(id, t, v);
    }

    @Test
    void pointsComeBackOldestFirstWithTheirTypes() throws Exception {
        HistoryStore store = store();
        store.write(List.of(number("temp", T0 + 2000, 21.5), number("temp", T0, 20.0)), List.of());
        store.write(List.of(number("temp", T0 + 1000, 20.5), Sample.of("fan.on", T0, true),
                Sample.of("mode", T0, "auto"), Sample.of("mode", T0 + 5, "manual")), List.of());

        HistorySeries temp = store.query("temp", T0, T0 + 2000, 100, false);
        assertEquals(List.of(new HistoryPoint(T0, 20.0), new HistoryPoint(T0 + 1000, 20.5),
                new HistoryPoint(T0 + 2000, 21.5)), temp.points());
        assertEquals("raw", temp.source());
        assertFalse(temp.downsampled());
        assertEquals(3, temp.matched());
        assertEquals(List.of(new HistoryPoint(T0, true)), store.query("fan.on", T0, T0 + 10, 10, false).points());
        assertEquals(List.of(new HistoryPoint(T0, "auto"), new HistoryPoint(T0 + 5, "manual")),
                store.query("mode", T0, T0 + 10, 10, false).points());
        assertEquals(1, store.query("temp", T0 + 1, T0 + 1000, 10, false).matched(), "the range is inclusive");
    }

    @Test
    void aLaterChangeInTheSameMillisecondReplacesTheEarlier() throws Exception {
        HistoryStore store = store();
        store.write(List.of(number("temp", T0, 1), number("temp", T0, 2)), List.of());
        store.write(List.of(number("temp", T0, 3)), List.of());
        assertEquals(List.of(new HistoryPoint(T0, 3.0)), store.query("temp", T0, T0, 10, false).points());
    }

    @Test
    void anUnknownIdHasAnEmptyHistory() throws Exception {
        HistorySeries none = store().query("nothing.here", T0, T0 + 1000, 10, false);
        assertTrue(none.points().isEmpty());
        assertEquals(0, none.matched());
    }

    @Test
    void downsamplingKeepsEveryBucketsLowestAndHighestPoint() throws Exception {
        HistoryStore store = store();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            double value = Math.sin(i / 500.0);
            if (i == 4321) {
                value = 50;
            } else if (i == 7777) {
                value = -40;
            }
            samples.add(number("wave", T0 + i * 1000L, value));
        }
        store.write(samples, List.of());

        HistorySeries series = store.query("wave", T0, T0 + 9_999_000L, 100, false);
        List<HistoryPoint> points = series.points();
        assertTrue(series.downsampled());
        assertEquals(10_000, series.matched());
        assertTrue(points.size() <= 100 && points.size() >= 50, "got " + points.size() + " points");
        assertTrue(points.contains(new HistoryPoint(T0 + 4321_000L, 50.0)), "the spike up is kept");
        assertTrue(points.contains(new HistoryPoint(T0 + 7777_000L, -40.0)), "the spike down is kept");
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i - 1).timeMillis() <= points.get(i).timeMillis(), "oldest first");
        }
        double quietMax = points.stream().filter(p -> p.timeMillis() < T0 + 4000_000L)
                .mapToDouble(p -> (Double) p.value()).max().orElseThrow();
        assertEquals(1.0, quietMax, 0.001, "each bucket's highest point is the real maximum there");
    }

    @Test
    void downsampledTextKeepsTheFirstAndLastChangeOfEachBucket() throws Exception {
        HistoryStore store = store();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            samples.add(Sample.of("state", T0 + i, i == 500 ? "tab\there, back\\slash\nline" : "s" + i));
        }
        store.write(samples, List.of());
        assertEquals(List.of(new HistoryPoint(T0 + 500, "tab\there, back\\slash\nline")),
                store.query("state", T0 + 500, T0 + 500, 10, false).points(), "text is stored as it is");
        HistorySeries series = store.query("state", T0, T0 + 999, 10, false);
        assertEquals(10, series.points().size());
        assertEquals(new HistoryPoint(T0, "s0"), series.points().get(0));
        assertEquals(new HistoryPoint(T0 + 999, "s999"), series.points().get(9));
    }

    @Test
    void rollupsHoldEachMinutesMinMaxAndAverage() throws Exception {
        HistoryStore store = store();
        long minute = Rollups.minuteOf(T0);
        store.write(List.of(number("temp", minute + 1_000, 10), number("temp", minute + 2_000, 20)), List.of());
        store.write(List.of(number("temp", minute + 3_000, 30), number("temp", minute + 60_000, 5),
                Sample.of("door", minute + 60_000, true)), List.of());

        HistorySeries averages = store.query("temp", minute, minute + 119_999, 10, true);
        assertEquals("rollup", averages.source());
        assertEquals(List.of(new HistoryPoint(minute, 20.0), new HistoryPoint(minute + 60_000, 5.0)),
                averages.points());

        List<Sample> more = new ArrayList<>();
        for (int m = 2; m < 100; m++) {
            more.add(number("temp", minute + m * 60_000L, m));
        }
        store.write(more, List.of());
        HistorySeries extremes = store.query("temp", minute, minute + 100 * 60_000L, 4, true);
        assertTrue(extremes.downsampled());
        assertEquals(List.of(new HistoryPoint(minute + 2 * 60_000L, 2.0), new HistoryPoint(minute + 50 * 60_000L, 50.0),
                new HistoryPoint(minute + 51 * 60_000L, 51.0), new HistoryPoint(minute + 99 * 60_000L, 99.0)),
                extremes.points(), "two buckets of 51 whole minutes, a min and a max each, at the changes' times");
        assertEquals(3 + 1 + 98, extremes.matched());
        assertEquals(List.of(new HistoryPoint(minute + 60_000, 1.0)),
                store.query("door", minute, minute + 60_000, 10, true).points(), "booleans roll up as 0 / 1");
    }

    @Test
    void aThirtyDayRangeIsReadFromRollupsWithItsSpikesAtTheirTime() throws Exception {
        HistoryStore store = store();
        long step = 30_000;
        int changes = 86_400;
        long spike = T0 + 50_000 * step;
        long dip = T0 + 70_001 * step;
        List<Sample> batch = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            long t = T0 + i * step;
            batch.add(number("load", t, t == spike ? 500 : t == dip ? -300 : 20 + 5 * Math.sin(i / 300.0)));
            if (batch.size() == 20_000) {
                store.write(batch, List.of());
                batch = new ArrayList<>();
            }
        }
        store.write(batch, List.of());

        long from = T0 + 7_000;
        long to = T0 + (changes - 1) * step + 11_000;
        HistorySeries series = store.query("load", from, to, 1000, false);
        assertEquals("rollup", series.source());
        assertTrue(series.downsampled());
        assertEquals(changes - 1, series.matched(), "the change at T0 is before the range");
        List<HistoryPoint> points = series.points();
        assertTrue(points.size() <= 1000 && points.size() >= 800, "got " + points.size() + " points");
        assertTrue(points.contains(new HistoryPoint(spike, 500.0)), "the spike up, at its time");
        assertTrue(points.contains(new HistoryPoint(dip, -300.0)), "the spike down, at its time");
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i - 1).timeMillis() < points.get(i).timeMillis(), "oldest first");
        }
        assertTrue(points.get(0).timeMillis() >= from, "nothing before the range");
        assertEquals(T0 + (changes - 1) * step, points.get(points.size() - 1).timeMillis(), "the newest change");
    }

    @Test
    void theNewestChangesOfAWideRangeAreThereBeforeTheirMinuteEnds() throws Exception {
        HistoryStore store = store();
        long tenMinutes = 600_000;
        List<Sample> sparse = new ArrayList<>();
        for (int i = 0; i < 30 * 144; i++) {
            sparse.add(number("temp", T0 + i * tenMinutes, 20));
        }
        store.write(sparse, List.of());
        long now = Rollups.minuteOf(T0 + 30 * 144 * tenMinutes) + 20_000;
        store.write(List.of(number("temp", now - 2_000, 15), number("temp", now - 1_000, 21)), List.of());
        store.write(List.of(number("temp", now, 99)), List.of());

        HistorySeries series = store.query("temp", now - 30 * 86_400_000L, now, 500, false);
        assertEquals("rollup", series.source());
        assertEquals(30 * 144 + 3, series.matched());
        List<HistoryPoint> points = series.points();
        assertEquals(List.of(new HistoryPoint(now - 2_000, 15.0), new HistoryPoint(now, 99.0)),
                points.subList(points.size() - 2, points.size()), "the last bucket's min and max, this minute's");
    }

    @Test
    void rollupsKeepTheTimeOfTheirMinutesLowestAndHighestChangeAcrossBatches() throws Exception {
        HistoryStore store = store();
        long minute = Rollups.minuteOf(T0) + 5 * 60_000;
        store.write(List.of(number("temp", minute + 5_000, 1), number("temp", minute + 20_000, 7)), List.of());
        store.write(List.of(number("temp", minute + 40_000, 9), number("temp", minute + 50_000, 0)), List.of());
        store.write(List.of(number("temp", minute + 10_000, 9)), List.of());

        HistorySeries wide = store.query("temp", minute - 86_400_000, minute + 86_400_000, 2, false);
        assertEquals("rollup", wide.source());
        assertEquals(5, wide.matched());
        assertEquals(List.of(new HistoryPoint(minute + 10_000, 9.0), new HistoryPoint(minute + 50_000, 0.0)),
                wide.points(), "the earliest of two equal maxima, as a raw read gives");
    }

    @Test
    void aDayToAThousandPointsAndTextStayRawTwoDaysDoNot() throws Exception {
        HistoryStore store = store();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 8_640; i++) {
            samples.add(number("temp", T0 + i * 10_000L, i % 100));
        }
        for (int h = 0; h < 30 * 24; h++) {
            samples.add(Sample.of("mode", T0 + h * 3_600_000L, "m" + h));
        }
        store.write(samples, List.of());

        HistorySeries day = store.query("temp", T0, T0 + 86_400_000L - 1, 1000, false);
        assertEquals("raw", day.source(), "buckets of 172.8 s are below the rollup threshold");
        assertTrue(day.downsampled());
        assertEquals(1000, day.points().size());
        HistorySeries twoDays = store.query("temp", T0, T0 + 2 * 86_400_000L - 1, 1000, false);
        assertEquals("rollup", twoDays.source(), "buckets of 345.6 s are above it");
        assertEquals(8_640, twoDays.matched());
        assertTrue(twoDays.points().size() <= 1000);
        HistorySeries text = store.query("mode", T0, T0 + 30 * 86_400_000L, 100, false);
        assertEquals("raw", text.source(), "text has no rollups");
        assertEquals(100, text.points().size());
        assertEquals(new HistoryPoint(T0 + 719 * 3_600_000L, "m719"), text.points().get(99));
        HistorySeries few = store.query("temp", T0, T0 + 30 * 86_400_000L, 10_000, false);
        assertEquals("raw", few.source(), "a wide range with fewer changes than points gets them all");
        assertFalse(few.downsampled());
        assertEquals(8_640, few.points().size());
    }

    @Test
    void retentionDeletesRawPerSeriesAndOldRollups() throws Exception {
        HistoryStore store = store();
        long hour = 3_600_000;
        store.write(List.of(number("short", T0, 1), number("short", T0 + 2 * hour, 2), number("long", T0, 3),
                number("long", T0 + 2 * hour, 4)), List.of());

        long deleted = store.deleteExpired(id -> id.equals("short") ? T0 + hour : T0 - hour, T0 + hour);
        assertEquals(1 + 2, deleted, "one raw change of 'short', the first minute of each rollup");
        assertEquals(List.of(new HistoryPoint(T0 + 2 * hour, 2.0)), store.query("short", T0, T0 + 3 * hour, 10,
                false).points());
        assertEquals(2, store.query("long", T0, T0 + 3 * hour, 10, false).matched());
        assertEquals(List.of(new HistoryPoint(Rollups.minuteOf(T0 + 2 * hour), 4.0)),
                store.query("long", T0 - hour, T0 + 3 * hour, 10, true).points());
    }

    @Test
    void keptStateSurvivesReopeningAndALaterStateReplacesIt() throws Exception {
        HistoryStore store = store();
        store.write(List.of(), List.of(new StoredValue("fan.max_speed", T0, 40.0),
                new StoredValue("fan.boost", T0, true), new StoredValue("fan.mode", T0, "eco")));
        store.write(List.of(), List.of(new StoredValue("fan.max_speed", T0 + 1, 45.0)));
        store.close();

        Map<String, StoredValue> kept = track(reopen()).keptStates();
        assertEquals(Map.of("fan.max_speed", new StoredValue("fan.max_speed", T0 + 1, 45.0),
                "fan.boost", new StoredValue("fan.boost", T0, true),
                "fan.mode", new StoredValue("fan.mode", T0, "eco")), kept);
    }

    @Test
    void historySurvivesReopening() throws Exception {
        HistoryStore store = store();
        store.write(List.of(number("temp", T0, 1)), List.of());
        store.close();
        HistoryStore again = track(reopen());
        again.write(List.of(number("temp", T0 + 1, 2), number("other", T0, 3)), List.of());
        assertEquals(2, again.query("temp", T0, T0 + 1, 10, false).matched());
    }

    @Test
    void lastValuesAreTheNewestChangeOfEachKnownId() throws Exception {
        HistoryStore store = store();
        store.write(List.of(number("temp", T0 + 5, 2), number("temp", T0, 1), Sample.of("mode", T0, "eco")),
                List.of());
        assertEquals(Map.of("temp", new StoredValue("temp", T0 + 5, 2.0), "mode", new StoredValue("mode", T0, "eco")),
                store.lastValues(Set.of("temp", "mode", "unknown")));
    }

    @Test
    void aFailingStoreKeepsItsBatchCountsDropsAndRecovers() throws Exception {
        HistoryStore store = store();
        store.write(List.of(number("temp", T0, 0)), List.of());
        HistoryWriter writer = track(new HistoryWriter(store, "test", 10, 20, 200, () -> {}, Long.MAX_VALUE));
        writer.start();
        breakWrites();
        try {
            for (int i = 1; i <= 5; i++) {
                assertTrue(writer.offer(number("temp", T0 + i, i)));
            }
            Await.until("the store reported failing", () -> !writer.health().healthy());
            assertFalse(writer.health().problem().isEmpty());
            assertTrue(writer.health().sinceMillis() > 0);
            int accepted = 0;
            for (int i = 6; i <= 100; i++) {
                accepted += writer.offer(number("temp", T0 + i, i)) ? 1 : 0;
            }
            assertEquals(10, accepted, "the queue takes its capacity while the failed batch waits");
            assertEquals(85, writer.dropped());
            assertEquals(10, writer.queued());
        } finally {
            repair();
        }
        Await.until("the store works again", () -> writer.health().healthy());
        Await.until("everything kept was written", () -> writer.written() == 15);
        HistorySeries temp = store.query("temp", T0, T0 + 100, 100, false);
        assertEquals(16, temp.matched(), "the first change, the failed batch of 5 and the 10 queued");
        assertEquals(85, writer.dropped());
    }

    @Test
    void theWriterWritesKeptStatesWithTheNextBatch() throws Exception {
        HistoryStore store = store();
        HistoryWriter writer = track(new HistoryWriter(store, "test", 100, 20, 200, () -> {}, Long.MAX_VALUE));
        writer.start();
        writer.keep(new StoredValue("fan.max_speed", T0, 40.0));
        writer.offer(number("temp", T0, 1));
        Await.until("the batch was written", () -> writer.written() == 1 && writer.pendingKept().isEmpty());
        assertEquals(40.0, store.keptStates().get("fan.max_speed").value());
    }
}
