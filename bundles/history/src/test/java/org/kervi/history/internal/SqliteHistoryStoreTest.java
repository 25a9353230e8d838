package org.kervi.history.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
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
}
