package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.ValueHistory;

class HistorySeriesTest {

    @Test
    void downsamplingKeepsEachBucketsLowestAndHighestInTimeOrder() {
        List<HistoryPoint> points = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
            points.add(new HistoryPoint(t, t == 42 ? 1000.0 : t % 2 == 0 ? 1.0 : 2.0));
        }
        List<HistoryPoint> out = MinMaxBuckets.reduce(points, 0, 99, 10);
        assertTrue(out.size() <= 10, out.toString());
        assertTrue(out.contains(new HistoryPoint(42, 1000.0)), "the spike stays: " + out);
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i).timeMillis() > out.get(i - 1).timeMillis(), "strictly in time order: " + out);
        }
        assertEquals(points, MinMaxBuckets.reduce(points, 0, 99, 100));
    }

    @Test
    void memoryAnswersARangeAndSaysWhenItIsShort() {
        History memory = new History(100);
        for (int t = 1; t <= 150; t++) {
            memory.record("x", t, t * 1000L);
        }
        HistorySeries s = memory.series("x", 60_000, 120_000, 1000);
        assertEquals("memory", s.source());
        assertEquals(61, s.points().size());
        assertEquals(61, s.matched());
        assertFalse(s.downsampled());
        assertEquals(new HistoryPoint(60_000, 60.0), s.points().get(0));
        assertTrue(memory.series("x", 0, 150_000, 10).downsampled());

        HistoryLookup withoutStore = new HistoryLookup(() -> null, memory);
        assertTrue(withoutStore.find(new HistoryQuery("x", 0, 150_000, 1000)).note().contains("kervi-history"));
        assertNull(withoutStore.find(new HistoryQuery("x", 60_000, 150_000, 1000)).note());
    }

    @Test
    void theStoreAnswersWhenItRunsAndMemoryWhenItHasNothing() {
        History memory = new History(10);
        memory.record("only_in_memory", 5, 5000);
        ValueHistory store = (ValueHistory) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ValueHistory.class}, (proxy, method, args) -> {
                    String id = (String) args[0];
                    List<HistoryPoint> points = id.equals("stored") ? List.of(new HistoryPoint(1000, 1.0))
                            : List.of();
                    return new HistorySeries(id, (long) args[1], (long) args[2], points, "raw", false, points.size());
                });
        HistoryLookup lookup = new HistoryLookup(() -> store, memory);
        assertEquals("raw", lookup.find(new HistoryQuery("stored", 0, 10_000, 100)).series().source());
        HistoryLookup.Answer fallback = lookup.find(new HistoryQuery("only_in_memory", 0, 10_000, 100));
        assertEquals("memory", fallback.series().source());
        assertTrue(fallback.note().contains("not in the history store"));
    }

    @Test
    void csvHasTimeAndValueInUtc() throws Exception {
        HistorySeries s = new HistorySeries("cpu load", 0, 2000,
                List.of(new HistoryPoint(0, 42.5), new HistoryPoint(1000, 40.0), new HistoryPoint(2000, "a,\"b\"")),
                "raw", false, 3);
        StringWriter out = new StringWriter();
        HistoryCsv.write(s, out);
        assertEquals("time,value\r\n1970-01-01T00:00:00Z,42.5\r\n1970-01-01T00:00:01Z,40\r\n"
                + "1970-01-01T00:00:02Z,\"a,\"\"b\"\"\"\r\n", out.toString());
        assertEquals("cpu_load_19700101T000000Z_19700101T000002Z.csv", HistoryCsv.fileName(s));
    }
}
