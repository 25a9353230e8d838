package org.kervi.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.values.ValueKind;

/**
 * History as CSV: a {@code time,value} header, then one point a line, time as ISO-8601 UTC (reading also accepts
 * epoch milliseconds), text values quoted when they hold a comma, a quote or a line break.
 */
final class HistoryCsv {
    static final String HEADER = "time,value";

    private HistoryCsv() {}

    static String line(HistoryPoint p) {
        return Instant.ofEpochMilli(p.timeMillis()) + "," + field(p.value());
    }

    private static String field(Object value) {
        String text = value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString(d.longValue()) : String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** The points of a file's lines, and the bad lines with their numbers (1-based). */
    record Parsed(List<HistoryPoint> points, List<String> problems) {}

    /**
     * Parses lines (a first line {@code time,value} is a header); values as {@code kind} says, or, for an unknown
     * kind (null), a number or true / false when they read as one, else text.
     */
    static Parsed parse(List<String> lines, ValueKind kind) {
        List<HistoryPoint> points = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).replace(" ", "").equals(HEADER))) {
                continue;
            }
            try {
                points.add(point(line, kind));
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Parsed(points, problems);
    }

    private static HistoryPoint point(String line, ValueKind kind) {
        int comma = line.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("expected time,value");
        }
        long time = time(line.substring(0, comma).strip());
        String raw = unquote(line.substring(comma + 1).strip());
        return new HistoryPoint(time, value(raw, kind));
    }

    private static long time(String text) {
        if (text.matches("-?\\d+")) {
            return Long.parseLong(text);
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither an ISO-8601 time (2026-12-04T10:15:00Z)"
                    + " nor epoch milliseconds");
        }
    }

    private static Object value(String raw, ValueKind kind) {
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("no value");
        }
        if (kind == ValueKind.NUMBER || (kind == null && isNumber(raw))) {
            try {
                double d = Double.parseDouble(raw);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + raw + "' is not a finite number");
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (kind == ValueKind.BOOLEAN || (kind == null && (lower.equals("true") || lower.equals("false")))) {
            if (!lower.equals("true") && !lower.equals("false")) {
                throw new IllegalArgumentException("'" + raw + "' is neither true nor false");
            }
            return Boolean.valueOf(lower);
        }
        return raw;
    }

    private static boolean isNumber(String raw) {
        return raw.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    }

    private static String unquote(String raw) {
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1).replace("\"\"", "\"");
        }
        return raw;
    }
}
