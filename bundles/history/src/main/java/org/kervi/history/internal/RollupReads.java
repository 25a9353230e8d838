package org.kervi.history.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A number series downsampled from its 1-minute rollups instead of every raw change: a 30-day range at 1 Hz is
 * 43,200 rollup rows instead of 2.6 million changes. Buckets are whole minutes counted from the minute of
 * {@code from}, so each rollup minute lies in one bucket and a bucket's lowest and highest point are those of its
 * minutes: the same points the raw changes give for these buckets (real changes, at their own time when the rollup
 * kept it — rollups written before it did give their minute's start). The partial minutes at the two ends of the
 * range are read raw, so nothing outside the range counts and the newest changes are there (rollups are written in
 * the same transaction as their changes, so they never lag behind them).
 */
final class RollupReads {
    /**
     * Bucket width from which a number series within raw retention is read from the rollups: 5 minutes. Narrower
     * requests read raw changes, at most 300 per bucket at 1 Hz, so 150,000 for 1,000 points (≈ 50 ms on SQLite
     * measured; 24 h to 1,000 points, 173 s buckets, stays raw and exact); wider ones lose under 17 % of the
     * requested points to buckets of whole minutes. See docs/performance.md, "History store (issue #10)".
     */
    static final long FROM_BUCKET_MILLIS = 5 * Rollups.MINUTE;

    private RollupReads() {}

    /** {@code maxPoints} at most, in time order; {@code matched} counts the raw changes the range represents. */
    static RangeReads.OnePass downsample(Connection c, int series, long from, long to, int maxPoints)
            throws SQLException {
        long origin = Rollups.minuteOf(from);
        BucketScan buckets = new BucketScan(origin, Buckets.wholeMinutesWidth(origin, to, maxPoints));
        long firstFullMinute = Rollups.minuteOf(from + Rollups.MINUTE - 1);
        long fullMinutesEnd = Rollups.minuteOf(to + 1);
        long matched = readRaw(c, buckets, series, from, Math.min(firstFullMinute, to + 1) - 1);
        if (firstFullMinute < fullMinutesEnd) {
            matched += readRollups(c, buckets, series, firstFullMinute, fullMinutesEnd - Rollups.MINUTE);
        }
        matched += readRaw(c, buckets, series, Math.max(fullMinutesEnd, firstFullMinute), to);
        return new RangeReads.OnePass(matched, buckets.numbers(), matched > maxPoints);
    }

    private static long readRaw(Connection c, BucketScan buckets, int series, long from, long to)
            throws SQLException {
        if (from > to) {
            return 0;
        }
        long rows = 0;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT t, num FROM sample WHERE series = ? AND t BETWEEN ? AND ? ORDER BY t")) {
            st.setInt(1, series);
            st.setLong(2, from);
            st.setLong(3, to);
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    double value = rs.getDouble(2);
                    buckets.add(rs.getLong(1), value, value);
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Rollup minutes starting in {@code [firstMinute, lastMinute]}; returns the changes they count. */
    private static long readRollups(Connection c, BucketScan buckets, int series, long firstMinute,
            long lastMinute) throws SQLException {
        long changes = 0;
        try (PreparedStatement st = c.prepareStatement("SELECT minute_t, vmin, tmin, vmax, tmax, n FROM rollup_1m"
                + " WHERE series = ? AND minute_t BETWEEN ? AND ? ORDER BY minute_t")) {
            st.setInt(1, series);
            st.setLong(2, firstMinute);
            st.setLong(3, lastMinute);
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long minute = rs.getLong(1);
                    double low = rs.getDouble(2);
                    long lowTime = timeOr(rs, 3, minute);
                    double high = rs.getDouble(4);
                    long highTime = timeOr(rs, 5, minute);
                    if (lowTime <= highTime) {
                        buckets.add(lowTime, low, low);
                        buckets.add(highTime, high, high);
                    } else {
                        buckets.add(highTime, high, high);
                        buckets.add(lowTime, low, low);
                    }
                    changes += rs.getLong(6);
                }
            }
        }
        return changes;
    }

    private static long timeOr(ResultSet rs, int column, long minute) throws SQLException {
        long time = rs.getLong(column);
        return rs.wasNull() ? minute : time;
    }
}
