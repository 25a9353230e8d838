package org.kervi.automation.internal.userlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

class UserLogStoreTest {
    @TempDir
    Path dir;

    private static UserLogEntry entry(int i, UserLogLevel level) {
        return new UserLogEntry(Instant.ofEpochSecond(1_000_000 + i), level, "temp", "a", "entry " + i);
    }

    @Test
    void keepsTheNewestAndTheFileStaysBounded() throws Exception {
        Path file = dir.resolve("kervi/userlog.jsonl");
        try (UserLogStore store = new UserLogStore(file, 10)) {
            for (int i = 0; i < 55; i++) {
                store.add(entry(i, UserLogLevel.INFO));
                assertTrue(store.linesInFile() < 20, "the file holds fewer than twice the kept entries");
            }
            List<UserLogEntry> all = store.query(UserLogLevel.INFO, null, 100);
            assertEquals(10, all.size());
            assertEquals("entry 54", all.get(0).message());
            assertEquals("entry 45", all.get(9).message());
        }
        assertTrue(Files.readAllLines(file).size() < 20);
    }

    @Test
    void entriesSurviveARestartAndABadLastLine() throws Exception {
        Path file = dir.resolve("userlog.jsonl");
        try (UserLogStore store = new UserLogStore(file, 100)) {
            store.add(entry(1, UserLogLevel.WARNING));
            store.add(entry(2, UserLogLevel.ERROR));
        }
        Files.writeString(file, "{\"time\":\"2026-12-05T06:", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (UserLogStore store = new UserLogStore(file, 100)) {
            assertEquals(List.of(entry(2, UserLogLevel.ERROR), entry(1, UserLogLevel.WARNING)),
                    store.query(UserLogLevel.INFO, null, 10));
            store.add(entry(3, UserLogLevel.INFO));
        }
        try (UserLogStore store = new UserLogStore(file, 100)) {
            assertEquals(3, store.query(UserLogLevel.INFO, null, 10).size());
        }
    }

    @Test
    void aRestartWithFewerEntriesKeptShrinksTheFile() throws Exception {
        Path file = dir.resolve("userlog.jsonl");
        try (UserLogStore store = new UserLogStore(file, 100)) {
            for (int i = 0; i < 50; i++) {
                store.add(entry(i, UserLogLevel.INFO));
            }
        }
        try (UserLogStore store = new UserLogStore(file, 10)) {
            assertEquals(10, store.query(null, null, 100).size());
            assertEquals(10, Files.readAllLines(file).size());
        }
    }

    @Test
    void queriesFilterByLevelTimeAndLimit() {
        try (UserLogStore store = new UserLogStore(dir.resolve("u.jsonl"), 100)) {
            store.add(entry(1, UserLogLevel.INFO));
            store.add(entry(2, UserLogLevel.WARNING));
            store.add(entry(3, UserLogLevel.ERROR));
            store.add(entry(4, UserLogLevel.INFO));
            assertEquals(List.of(entry(3, UserLogLevel.ERROR), entry(2, UserLogLevel.WARNING)),
                    store.query(UserLogLevel.WARNING, null, 10));
            assertEquals(List.of(entry(4, UserLogLevel.INFO), entry(3, UserLogLevel.ERROR)),
                    store.query(UserLogLevel.INFO, Instant.ofEpochSecond(1_000_003), 10));
            assertEquals(1, store.query(UserLogLevel.INFO, null, 1).size());
        }
    }
}
