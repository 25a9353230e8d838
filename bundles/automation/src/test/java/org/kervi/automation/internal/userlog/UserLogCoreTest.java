package org.kervi.automation.internal.userlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.Registration;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

class UserLogCoreTest {
    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @Test
    void aFlappingSourceIsHeldToTheLimitAndTheSuppressedAreReported() {
        List<UserLogEntry> told = new ArrayList<>();
        try (UserLogStore store = new UserLogStore(dir.resolve("u.jsonl"), 100)) {
            UserLogCore log = new UserLogCore("a", store, new RateLimiter(2, 10_000), now::get, null);
            log.addListener(told::add);
            for (int i = 0; i < 50; i++) {
                log.log(UserLogLevel.WARNING, "temp", "flap " + i);
                now.addAndGet(10);
            }
            assertEquals(2, told.size());
            now.addAndGet(10_000);
            log.flushSuppressed();
            assertEquals(3, told.size());
            assertEquals("48 more warning entries from temp suppressed (rate limit: 2 per 10 s)",
                    told.get(2).message());
            assertEquals(3, log.entries(UserLogLevel.INFO, null, 100).size());
        }
    }

    @Test
    void aModuleKeepsItsEntriesAndHandsThemToTheRoot() {
        List<UserLogEntry> toRoot = new ArrayList<>();
        try (UserLogStore store = new UserLogStore(dir.resolve("u.jsonl"), 100)) {
            UserLogCore log = new UserLogCore("controllers", store, new RateLimiter(5, 1000), now::get, toRoot::add);
            log.log(UserLogLevel.ERROR, "fan_controller.temp", "too hot");
            UserLogEntry expected = new UserLogEntry(Instant.ofEpochMilli(now.get()), UserLogLevel.ERROR,
                    "fan_controller.temp", "controllers", "too hot");
            assertEquals(List.of(expected), toRoot);
            assertEquals(List.of(expected), log.entries(UserLogLevel.INFO, null, 10));
        }
    }

    @Test
    void receivedEntriesAreKeptAndToldButNotSentOn() {
        List<UserLogEntry> told = new ArrayList<>();
        List<UserLogEntry> toRoot = new ArrayList<>();
        try (UserLogStore store = new UserLogStore(dir.resolve("u.jsonl"), 100)) {
            UserLogCore log = new UserLogCore("root", store, new RateLimiter(5, 1000), now::get, toRoot::add);
            Registration r = log.addListener(told::add);
            UserLogEntry remote = new UserLogEntry(Instant.ofEpochSecond(5), UserLogLevel.INFO, "m", "b", "started");
            log.received(remote);
            r.close();
            log.received(remote);
            assertEquals(List.of(remote), told);
            assertEquals(List.of(), toRoot);
            assertEquals(2, log.entries(null, null, 10).size());
        }
    }

    @Test
    void anEntryWithoutASourceIsRefusedWithTheReason() {
        try (UserLogStore store = new UserLogStore(dir.resolve("u.jsonl"), 100)) {
            UserLogCore log = new UserLogCore("a", store, new RateLimiter(5, 1000), now::get, null);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> log.log(UserLogLevel.INFO, " ", "x"));
            assertEquals("a user log entry needs a source id (the value, action or module it is about)",
                    e.getMessage());
        }
    }

    @Test
    void theInboxRefusesMalformedEntriesWithTheReason() {
        List<UserLogEntry> kept = new ArrayList<>();
        UserLogInbox inbox = new UserLogInbox(kept::add);
        assertEquals("time 'yesterday' is not an ISO-8601 instant such as 2026-12-05T06:30:00Z",
                assertThrows(IllegalArgumentException.class,
                        () -> inbox.append("yesterday", "INFO", "s", "b", "m")).getMessage());
        assertEquals("level 'LOUD' is not one of INFO, WARNING, ERROR", assertThrows(IllegalArgumentException.class,
                () -> inbox.append("2026-12-05T06:30:00Z", "LOUD", "s", "b", "m")).getMessage());
        inbox.append("2026-12-05T06:30:00Z", "WARNING", "s", "b", "m");
        assertEquals(List.of(new UserLogEntry(Instant.parse("2026-12-05T06:30:00Z"), UserLogLevel.WARNING, "s", "b",
                "m")), kept);
    }
}
