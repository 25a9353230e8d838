package org.kervi.history.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.kervi.api.history.HistoryPoint;

/** How the points of one series in a time range are read: counted, all of them, or downsampled. */
final class RangeReads {
    private RangeReads() {}

    static long count(Connection c, Source source, int series, long from, long to) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM " + source.table + " WHERE series = ?"
                + " AND " + source.time + " BETWEEN ? AND ?")) {
            st.setInt(1, series);
            st.setLong(2, from);
            st.setLong(3, to);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<HistoryPoint> plain(Connection c, Source source, SeriesType type, int series, long from,
            long to) throws SQLException {
        PreparedStatement st = c.prepareStatement("SELECT " + source.time + ", " + source.plainNumber + ", "
                + source.plainText + " FROM " + source.table + " WHERE series = ? AND " + source.time
                + " BETWEEN ? AND ? ORDER BY " + source.time);
        st.setInt(1, series);
        st.setLong(2, from);
        st.setLong(3, to);
        List<HistoryPoint> points = new ArrayList<>();
        try (st; ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                double number = rs.getDouble(2);
                boolean numberNull = rs.wasNull();
                points.add(new HistoryPoint(rs.getLong(1), type.decode(number, rs.getString(3), numberNull)));
            }
        }
        return points;
    }

    /** Points of a range read in one pass: all of them when they fit, else the downsampled ones. */
    record OnePass(long matched, List<HistoryPoint> points, boolean downsampled) {}

    /**
     * Raw changes in one pass, without counting first: keeps every point while they fit in {@code maxPoints} and
     * the buckets' lowest and highest (text: first and last) all along, and returns whichever the count says.
     */
    static OnePass raw(Connection c, Source source, SeriesType type, int series, long from, long to, int maxPoints)
            throws SQLException {
        BucketScan buckets = new BucketScan(from, Buckets.width(from, to, maxPoints));
        List<HistoryPoint> all = new ArrayList<>();
        long matched = 0;
        try (PreparedStatement st = c.prepareStatement("SELECT " + source.time + ", " + source.value + " FROM "
                + source.table + " WHERE series = ? AND " + source.time + " BETWEEN ? AND ? ORDER BY "
                + source.time)) {
            st.setInt(1, series);
            st.setLong(2, from);
            st.setLong(3, to);
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long time = rs.getLong(1);
                    matched++;
                    if (source.text()) {
                        String text = rs.getString(2);
                        buckets.add(time, text);
                        if (matched <= maxPoints) {
                            all.add(new HistoryPoint(time, text));
                        }
                    } else {
                        double number = rs.getDouble(2);
                        buckets.add(time, number, number);
                        if (matched <= maxPoints) {
                            all.add(new HistoryPoint(time, type.decode(number, null, false)));
                        }
                    }
                }
            }
        }
        if (matched <= maxPoints) {
            return new OnePass(matched, all, false);
        }
        return new OnePass(matched, source.text() ? buckets.texts() : buckets.numbers(), true);
    }
}
