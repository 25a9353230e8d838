package org.kervi.history.internal;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract against a real PostgreSQL server (a new database per test). */
class PostgresHistoryStoreTest extends HistoryStoreContractTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server;
    private String url;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestPostgres.start(Files.createTempDirectory("kervi-history-pg"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected HistoryStore newStore() throws Exception {
        url = server.createDatabase("history_" + DATABASES.incrementAndGet());
        return reopen();
    }

    @Override
    protected HistoryStore reopen() {
        return new PostgresHistoryStore(url, "postgres", "");
    }

    /** The server goes away. */
    @Override
    protected void breakWrites() throws Exception {
        server.stop();
    }

    @Override
    protected void repair() throws Exception {
        server.start();
    }

}
