package org.kervi.history.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
                        + " tmin INTEGER, tmax INTEGER,"
                        + " PRIMARY KEY (series, minute_t)) WITHOUT ROWID",
                "CREATE TABLE IF NOT EXISTS kept_state (id TEXT PRIMARY KEY, t INTEGER NOT NULL, type TEXT NOT NULL,"
                        + " num REAL, txt TEXT)");
    }

    @Override
    protected String least() {
        return "min";
    }

    @Override
    protected String greatest() {
        return "max";
    }

}
