package org.kervi.history.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * History in one SQLite file, in WAL mode with {@code synchronous = NORMAL}: a power cut loses at most the last
 * batches, never the database. Tables without rowid, clustered by (series, time), so a range is one b-tree scan.
 */
final class SqliteHistoryStore extends JdbcHistoryStore {
    private final Path file;
    private final int busyTimeoutMillis;

    SqliteHistoryStore(Path file, int busyTimeoutMillis) {
        this.file = file.toAbsolutePath();
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    @Override
    public String kind() {
        return StoreKind.SQLITE.label();
    }

    Path file() {
        return file;
    }

    @Override
    protected Connection connect(boolean autoCommit) throws SQLException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new SQLException("cannot create the folder of " + file + ": " + e, e);
        }
        // the driver class directly: DriverManager does not see a bundle's drivers in OSGi
        Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
        if (c == null) {
            throw new SQLException("the SQLite driver refused " + file);
        }
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + busyTimeoutMillis);
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        c.setAutoCommit(autoCommit);
        return c;
    }

    @Override
    protected List<String> schema() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS series (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                        + " type TEXT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS sample (series INTEGER NOT NULL, t INTEGER NOT NULL, num REAL, txt TEXT,"
                        + " PRIMARY KEY (series, t)) WITHOUT ROWID",
                "CREATE TABLE IF NOT EXISTS rollup_1m (series INTEGER NOT NULL, minute_t INTEGER NOT NULL,"
                        + " vmin REAL NOT NULL, vmax REAL NOT NULL, vsum REAL NOT NULL, n INTEGER NOT NULL,"
                        + " PRIMARY KEY (series, minute_t)) WITHOUT ROWID",
                "CREATE TABLE IF NOT EXISTS kept_state (id TEXT PRIMARY KEY, t INTEGER NOT NULL, type TEXT NOT NULL,"
                        + " num REAL, txt TEXT)");
    }

    /**
     * Here: reading the range in time order is one pass over the (series, time) b-tree; the grouped queries of
     * {@link #extremes} sort twice (measured: slower).
     */
    @Override
    protected boolean bucketsInSql() {
        return false;
    }

    @Override
    protected String least() {
        return "min";
    }

    @Override
    protected String greatest() {
        return "max";
    }

    /**
     * SQLite's bare columns: with exactly one min() or max() in a grouped query, the other columns come from the
     * row that has that minimum or maximum. One pass over the range in the (series, time) order.
     */
    @Override
    protected PreparedStatement extremes(Connection c, Source source, boolean highest, int series, long from,
            long to, long width) throws SQLException {
        String order = highest ? source.highOrder : source.lowOrder;
        String value = highest ? source.highValue : source.lowValue;
        PreparedStatement st = c.prepareStatement("SELECT " + source.time + ", " + value + ", "
                + (highest ? "max(" : "min(") + order + ") FROM " + source.table + " WHERE series = ? AND "
                + source.time + " BETWEEN ? AND ? GROUP BY (" + source.time + " - ?) / ?");
        st.setInt(1, series);
        st.setLong(2, from);
        st.setLong(3, to);
        st.setLong(4, from);
        st.setLong(5, width);
        return st;
    }
}
