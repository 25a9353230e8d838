package org.kervi.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.values.ValueKind;

/** The parts of kervi:history and kervi:history-import that are not Karaf: durations, ranges, CSV, sparkline. */
class HistoryShellPartsTest {
    private static final long NOW = Instant.parse("2026-12-04T12:00:00Z").toEpochMilli();

    @Test
    void durationsTakeOneUnit() {
        assertEquals(Duration.ofHours(24), ShellDuration.parse("24h"));
        assertEquals(Duration.ofDays(7), ShellDuration.parse("7D"));
        assertEquals(Duration.ofSeconds(90), ShellDuration.parse("90s"));
        assertEquals("'1 week' is not a duration like 90s, 30m, 24h or 7d",
                assertThrows(IllegalArgumentException.class, () -> ShellDuration.parse("1 week")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShellDuration.parse("0h"));
    }

    @Test
    void rangesAreSinceOrFromTo() {
        assertEquals(new HistoryRange(NOW - 86_400_000, NOW), HistoryRange.of(null, null, null, NOW));
        assertEquals(new HistoryRange(NOW - 600_000, NOW), HistoryRange.of("10m", null, null, NOW));
        assertEquals(new HistoryRange(NOW - 3_600_000, NOW - 60_000),
                HistoryRange.of(null, "2026-12-04T11:00:00Z", "2026-12-04T11:59:00Z", NOW));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HistoryRange.of("1h", "2026-12-04T11:00:00Z",
                null, NOW)).getMessage().contains("either --since or --from"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HistoryRange.of(null, "yesterday", null, NOW))
                .getMessage().contains("--from 'yesterday' is not an ISO-8601 time"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HistoryRange.of(null, "2026-12-04T11:00:00Z",
                "2026-12-04T10:00:00Z", NOW)).getMessage().contains("is before --from"));
    }

    @Test
    void csvIsWrittenWithUtcTimesAndReadBack() {
        assertEquals("2026-12-04T12:00:00Z,21.5", HistoryCsv.line(new HistoryPoint(NOW, 21.5)));
        assertEquals("2026-12-04T12:00:00Z,40", HistoryCsv.line(new HistoryPoint(NOW, 40.0)));
        assertEquals("2026-12-04T12:00:00Z,\"a, \"\"b\"\"\"", HistoryCsv.line(new HistoryPoint(NOW, "a, \"b\"")));

        HistoryCsv.Parsed parsed = HistoryCsv.parse(List.of("time,value", "2026-12-04T12:00:00Z,21.5",
                String.valueOf(NOW + 1000), "", NOW + 2000 + ",true", "2026-12-04T12:00:03Z,\"a, \"\"b\"\"\""), null);
        assertEquals(List.of("line 3: expected time,value"), parsed.problems());
        assertEquals(List.of(new HistoryPoint(NOW, 21.5), new HistoryPoint(NOW + 2000, true),
                new HistoryPoint(NOW + 3000, "a, \"b\"")), parsed.points());
    }

    @Test
    void csvLinesThatDoNotFitTheValueAreReportedByNumber() {
        HistoryCsv.Parsed parsed = HistoryCsv.parse(List.of("12:00,1", "2026-12-04T12:00:00Z,warm",
                "2026-12-04T12:00:01Z,"), ValueKind.NUMBER);
        assertEquals(List.of(
                "line 1: '12:00' is neither an ISO-8601 time (2026-12-04T10:15:00Z) nor epoch milliseconds",
                "line 2: 'warm' is not a finite number", "line 3: no value"), parsed.problems());
        assertEquals(List.of("line 1: 'yes' is neither true nor false"),
                HistoryCsv.parse(List.of("1,yes"), ValueKind.BOOLEAN).problems());
    }

    @Test
    void sparklineSpansLowestToHighest() {
        assertEquals("▁▅█", Sparkline.of(List.of(0.0, 5.0, 10.0), 60));
        assertEquals("▁█", Sparkline.of(List.of(0.0, 0.5, 9.0, 10.0), 2), "a column shows its largest value");
        assertEquals("", Sparkline.of(List.of(), 60));
        assertEquals("▅▅", Sparkline.of(List.of(3.0, 3.0), 60));
    }
}
