package org.kervi.dashboard.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.UnaryOperator;

/**
 * The parameters of {@code api/history} and {@code api/history.csv}, checked: {@code id}; {@code from} and {@code to}
 * as epoch milliseconds or ISO-8601 (default: the last ten minutes up to now); {@code points} (default 1000).
 */
record HistoryQuery(String id, long fromMillis, long toMillis, int points) {
    static final long DEFAULT_SPAN_MILLIS = 10 * 60 * 1000;
    static final int DEFAULT_POINTS = 1000;
    static final int MIN_POINTS = 2;
    static final int MAX_POINTS = 10_000;

    /** @param params a request's parameters by name (null when absent) */
    static HistoryQuery of(UnaryOperator<String> params, long nowMillis) {
        String id = params.apply("id");
        if (id == null || id.isBlank()) {
            throw new HttpError(400, "missing parameter 'id' (the value id, e.g. ?id=cpu_load)");
        }
        long to = instant(params.apply("to"), "to", nowMillis);
        long from = instant(params.apply("from"), "from", to - DEFAULT_SPAN_MILLIS);
        if (from >= to) {
            throw new HttpError(400, "'from' (" + Instant.ofEpochMilli(from) + ") must be before 'to' ("
                    + Instant.ofEpochMilli(to) + ")");
        }
        int points = points(params.apply("points"));
        return new HistoryQuery(id.trim(), from, to, points);
    }

    /** Epoch milliseconds ({@code 1764116000000}) or ISO-8601 ({@code 2026-12-04T20:00:00Z}, with an offset). */
    static long instant(String text, String name, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.trim();
        if (t.matches("-?\\d{1,18}")) {
            return Long.parseLong(t);
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeException notUtc) {
            try {
                return OffsetDateTime.parse(t).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                throw new HttpError(400, "'" + name + "' must be epoch milliseconds or ISO-8601 such as "
                        + "2026-12-04T20:00:00Z, got '" + abbreviate(t) + "'");
            }
        }
    }

    private static int points(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_POINTS;
        }
        int n;
        try {
            n = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "'points' must be a whole number from " + MIN_POINTS + " to " + MAX_POINTS
                    + ", got '" + abbreviate(text.trim()) + "'");
        }
        if (n < MIN_POINTS || n > MAX_POINTS) {
            throw new HttpError(400, "'points' must be from " + MIN_POINTS + " to " + MAX_POINTS + ", got " + n);
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
