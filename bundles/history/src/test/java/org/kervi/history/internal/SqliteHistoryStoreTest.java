package org.kervi.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;
import org.junit.jupiter.api.io.TempDir;

class SqliteHistoryStoreTest extends HistoryStoreContractTest {
    @TempDir
    Path dir;
    private Connection lockHolder;

    private Path file() {
        return dir.resolve("kervi").resolve("history.db");
    }

    @Override
    protected HistoryStore newStore() {
        return new SqliteHistoryStore(file(), 100);
    }

    @Override
    protected HistoryStore reopen() {
        return newStore();
    }

    /** Another connection holds the database's write lock: the store's writes time out (SQLITE_BUSY). */
    @Override
    protected void breakWrites() throws Exception {
        lockHolder = DriverManager.getConnection("jdbc:sqlite:" + file());
        try (Statement st = lockHolder.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
        }
    }

    @Override
    protected void repair() throws Exception {
        lockHolder.close();
    }

    @Test
    void theDatabaseIsInWalModeAndIntact() throws Exception {
        HistoryStore store = store();
        store.write(List.of(Sample.of("temp", T0, 1.0)), List.of());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    @Test
    void rollupsWrittenBeforeTheyKeptTimesGetTheColumnsAndReadAtTheirMinute() throws Exception {
        java.nio.file.Files.createDirectories(file().getParent());
        long minute = Rollups.minuteOf(T0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE rollup_1m (series INTEGER NOT NULL, minute_t INTEGER NOT NULL, vmin REAL NOT NULL,"
                    + " vmax REAL NOT NULL, vsum REAL NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (series, minute_t))"
                    + " WITHOUT ROWID");
            st.execute("INSERT INTO rollup_1m VALUES (1, " + minute + ", 1, 9, 30, 5)");
        }
        HistoryStore store = store();
        store.write(List.of(Sample.of("temp", minute + 60_000 + 5_000, 4.0)), List.of());

        HistorySeries wide = store.query("temp", minute - 86_400_000L, minute + 86_400_000L, 4, false);
        assertEquals("rollup", wide.source());
        assertEquals(6, wide.matched());
        assertEquals(List.of(new HistoryPoint(minute, 1.0), new HistoryPoint(minute, 9.0),
                new HistoryPoint(minute + 65_000, 4.0)), wide.points(), "the old minute's min and max at its start");
    }
}
