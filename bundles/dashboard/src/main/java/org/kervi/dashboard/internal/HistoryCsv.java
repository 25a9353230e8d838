package org.kervi.dashboard.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;

/**
 * A series as CSV ({@code time,value}; times ISO-8601 UTC; RFC 4180 quoting of text): what
 * {@code kervi:history-import} reads back.
 */
final class HistoryCsv {
    private HistoryCsv() {}

    static void write(HistorySeries s, Writer out) throws IOException {
        out.write("time,value\r\n");
        for (HistoryPoint p : s.points()) {
            out.write(Instant.ofEpochMilli(p.timeMillis()).toString());
            out.write(',');
            out.write(cell(p.value()));
            out.write("\r\n");
        }
    }

    /** The attachment's name: {@code <id>_<from>_<to>.csv} with only file-name-safe characters. */
    static String fileName(HistorySeries s) {
        String id = s.id().replaceAll("[^A-Za-z0-9._-]", "_");
        return id + "_" + stamp(s.fromMillis()) + "_" + stamp(s.toMillis()) + ".csv";
    }

    private static String stamp(long millis) {
        return Instant.ofEpochMilli(millis).toString().replaceAll("[^0-9TZ]", "");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
