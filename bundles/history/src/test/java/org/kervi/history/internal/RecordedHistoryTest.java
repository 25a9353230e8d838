package org.kervi.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueChange;
import org.kervi.api.values.ValueSource;

/** The service over a real SQLite file: what it records, what it refuses, what it answers before a batch. */
class RecordedHistoryTest {
    @TempDir
    Path dir;
    private RecordedHistory history;
    private HistoryStore store;

    @BeforeEach
    void open() {
        TestConfig c = new TestConfig();
        c.batchMillis = 20;
        c.exclude = new String[] {"noise.*"};
        c.retention = new String[] {"short.*=1m"};
        HistorySettings settings = HistorySettings.of(c, dir.toString());
        store = HistoryComponent.open(settings);
        history = new RecordedHistory(settings, store, 200).start();
    }

    @AfterEach
    void close() {
        history.close();
    }

    private static <T> ValueChange<T> changeOf(Value<T> value, T current, long time) {
        return new ValueChange<>(value, null, current, ValueSource.CODE, time);
    }

    @Test
    void recordsWhatTheRulesSelect() {
        long now = System.currentTimeMillis();
        NumberValue temp = new NumberValue("temp", "Temperature");
        NumberValue quiet = new NumberValue("quiet", "Quiet");
        quiet.log(false);
        NumberValue noise = new NumberValue("noise.level", "Noise");
        BooleanValue boost = new BooleanValue("fan.boost", "Boost");
        history.changed(changeOf(temp, 21.5, now - 1000));
        history.changed(changeOf(temp, 22.0, now));
        history.changed(changeOf(quiet, 1.0, now));
        history.changed(changeOf(noise, 1.0, now));
        history.changed(changeOf(boost, true, now));

        Await.until("two batches written", () -> history.status().written() == 3);
        assertEquals(List.of(new HistoryPoint(now - 1000, 21.5), new HistoryPoint(now, 22.0)),
                history.history("temp", now - 60_000, now, 100).points());
        assertTrue(history.history("quiet", now - 60_000, now, 100).points().isEmpty());
        assertTrue(history.history("noise.level", now - 60_000, now, 100).points().isEmpty());
        assertEquals(Set.of("temp", "fan.boost"), history.lastValues(List.of("temp", "fan.boost", "quiet")).keySet());
        assertTrue(history.status().healthy());
        assertEquals("sqlite", history.status().store());
    }

    @Test
    void badQueriesAreRefusedSayingWhy() {
        assertEquals("empty range: 'to' (5) is before 'from' (10)", assertThrows(IllegalArgumentException.class,
                () -> history.history("temp", 10, 5, 100)).getMessage());
        assertEquals("maxPoints must be at least 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> history.history("temp", 0, 5, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> history.history("bad id!", 0, 5, 10))
                .getMessage().contains("is not valid"));
        assertTrue(history.history("never.seen", 0, 5, 10).points().isEmpty(), "unknown id: empty series");
    }

    @Test
    void keptStateAndLastValuesAreAnsweredBeforeTheBatchIsWritten() {
        history.keepState("fan.max_speed", 40.0);
        assertEquals(40.0, history.keptStates().get("fan.max_speed").value());
        Await.until("the kept state was written", () -> history.status().lastWriteMillis() > 0);
        assertEquals(40.0, history.keptStates().get("fan.max_speed").value());
    }

    @Test
    void importedPointsGoThroughTheWriter() {
        long now = System.currentTimeMillis();
        assertEquals(3, history.importPoints("imported", List.of(new HistoryPoint(now - 2000, 1.0),
                new HistoryPoint(now - 1000, 2.0), new HistoryPoint(now, 3.0))));
        Await.until("imported points written", () -> history.status().written() == 3);
        assertEquals(3, history.history("imported", now - 5000, now, 10).matched());
    }

    @Test
    void retentionDeletesRawChangesOlderThanTheirPatternsPeriod() throws Exception {
        long now = System.currentTimeMillis();
        history.importPoints("short.lived", List.of(new HistoryPoint(now - 300_000, 1.0),
                new HistoryPoint(now - 1_000, 2.0)));
        history.importPoints("kept", List.of(new HistoryPoint(now - 300_000, 3.0)));
        Await.until("imported points written", () -> history.status().written() == 3);
        history.deleteExpiredSoon();
        Await.until("the change older than a minute deleted", () -> rawCount("short.lived", now) == 1);
        assertEquals(1, rawCount("kept", now), "30 days for ids matching no pattern");
    }

    private long rawCount(String id, long now) {
        try {
            return store.query(id, now - 600_000, now, 10, false).matched();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
