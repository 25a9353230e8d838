package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {
    private static final long NOW = 1_764_116_000_000L;

    private static HistoryQuery query(Map<String, String> params) {
        return HistoryQuery.of(params::get, NOW);
    }

    private static String refused(Map<String, String> params) {
        HttpError e = assertThrows(HttpError.class, () -> query(params));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void defaultsAreTheLastTenMinutesInAThousandPoints() {
        assertEquals(new HistoryQuery("cpu_load", NOW - 600_000, NOW, 1000), query(Map.of("id", "cpu_load")));
    }

    @Test
    void timesAreEpochMillisOrIso8601() {
        HistoryQuery q = query(Map.of("id", "x", "from", "2025-11-26T00:00:00Z", "to", "1764116000000",
                "points", "500"));
        assertEquals(1_764_115_200_000L, q.fromMillis());
        assertEquals(NOW, q.toMillis());
        assertEquals(500, q.points());
        assertEquals(1_764_115_200_000L, query(Map.of("id", "x", "from", "2025-11-26T01:00:00+01:00")).fromMillis());
    }

    @Test
    void badParametersSayWhatWasWrong() {
        assertEquals("missing parameter 'id' (the value id, e.g. ?id=cpu_load)", refused(Map.of()));
        assertEquals("'from' (2025-11-26T00:13:20Z) must be before 'to' (2025-11-26T00:13:20Z)",
                refused(Map.of("id", "x", "from", Long.toString(NOW), "to", Long.toString(NOW))));
        assertEquals("'points' must be from 2 to 10000, got 1", refused(Map.of("id", "x", "points", "1")));
        assertEquals("'points' must be from 2 to 10000, got 10001", refused(Map.of("id", "x", "points", "10001")));
        assertEquals("'points' must be a whole number from 2 to 10000, got 'many'",
                refused(Map.of("id", "x", "points", "many")));
        assertEquals("'to' must be epoch milliseconds or ISO-8601 such as 2026-12-04T20:00:00Z, got 'yesterday'",
                refused(Map.of("id", "x", "to", "yesterday")));
    }
}
