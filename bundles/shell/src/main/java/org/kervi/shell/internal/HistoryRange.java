package org.kervi.shell.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The range a history command asks for: {@code --since 24h} back from now, or {@code --from} / {@code --to}. */
record HistoryRange(long fromMillis, long toMillis) {

    static HistoryRange of(String since, String from, String to, long nowMillis) {
        if (since != null && (from != null || to != null)) {
            throw new IllegalArgumentException("give either --since or --from / --to, not both");
        }
        if (from == null && to != null) {
            throw new IllegalArgumentException("--to needs --from");
        }
        if (from != null) {
            long start = instant("--from", from);
            long end = to == null ? nowMillis : instant("--to", to);
            if (end < start) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
            return new HistoryRange(start, end);
        }
        Duration back = ShellDuration.parse(since == null ? "24h" : since);
        return new HistoryRange(nowMillis - back.toMillis(), nowMillis);
    }

    private static long instant(String option, String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not an ISO-8601 time such as"
                    + " 2026-12-04T10:15:00Z");
        }
    }
}
