package org.kervi.itests.multi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The points of {@code kervi:history ID --csv}: one {@code time,value} line each, oldest first. */
record HistoryPoints(List<Long> times) {

    /** Reads the CSV the shell printed: a time (epoch milliseconds or ISO-8601) first on each data line. */
    static HistoryPoints parse(String csv) {
        List<Long> times = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] cells = line.trim().split("[,;]");
            if (cells.length >= 2) {
                Long time = time(cells[0].trim());
                if (time != null) {
                    times.add(time);
                }
            }
        }
        return new HistoryPoints(List.copyOf(times));
    }

    private static Long time(String cell) {
        String unquoted = cell.replace("\"", "");
        if (unquoted.matches("\\d{10,}")) {
            return Long.parseLong(unquoted);
        }
        try {
            return OffsetDateTime.parse(unquoted).toInstant().toEpochMilli();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(unquoted).toEpochMilli();
            } catch (DateTimeParseException header) {
                return null;
            }
        }
    }

    int size() {
        return times.size();
    }

    /** The largest time between consecutive points whose gap starts at or after {@code from} and before {@code to}. */
    long largestGapMillis(long from, long to) {
        long largest = 0;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i - 1) >= from && times.get(i - 1) < to) {
                largest = Math.max(largest, times.get(i) - times.get(i - 1));
            }
        }
        return largest;
    }

    /** The gap that holds {@code instant}: from the last point before it to the first after it. */
    long gapAroundMillis(long instant) {
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i - 1) <= instant && times.get(i) > instant) {
                return times.get(i) - times.get(i - 1);
            }
        }
        throw new AssertionError("no points on both sides of " + Instant.ofEpochMilli(instant) + " in " + this);
    }

    @Override
    public String toString() {
        return times.size() + " points" + (times.isEmpty() ? ""
                : " from " + Instant.ofEpochMilli(times.get(0)) + " to " + Instant.ofEpochMilli(times.get(
                        times.size() - 1)));
    }
}
