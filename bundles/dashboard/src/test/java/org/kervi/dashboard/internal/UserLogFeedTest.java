package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.userlog.UserLogListener;

class UserLogFeedTest {
    private static final UserLogEntry ENTRY = new UserLogEntry(Instant.parse("2026-12-05T06:00:00Z"),
            UserLogLevel.WARNING, "fan_controller.temp", "controllers", "CPU load high");

    /** A user log holding one entry, whose listeners can be told of more. */
    private static final class OneEntryLog implements UserLog {
        final List<UserLogListener> listeners = new ArrayList<>();

        @Override
        public void log(UserLogLevel level, String sourceId, String message) {}

        @Override
        public List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit) {
            return List.of(ENTRY);
        }

        @Override
        public Registration addListener(UserLogListener listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }
    }

    @Test
    void aStreamGetsTheNewestEntriesThenEachNewOne() {
        List<JsonObject> live = new ArrayList<>();
        UserLogFeed feed = new UserLogFeed(live::add);
        assertNull(feed.snapshot(), "no user log, no userlog event");
        OneEntryLog log = new OneEntryLog();
        feed.use(log);
        assertEquals("{\"snapshot\":true,\"entries\":[{\"time\":\"2026-12-05T06:00:00Z\",\"level\":\"warning\","
                + "\"source\":\"fan_controller.temp\",\"instance\":\"controllers\",\"message\":\"CPU load high\"}]}",
                feed.snapshot().toString());
        log.listeners.forEach(l -> l.logged(ENTRY));
        assertEquals(1, live.size());
        assertEquals(false, live.get(0).get("snapshot").getAsBoolean());
        feed.gone(log);
        assertEquals(List.of(), log.listeners);
        assertNull(feed.snapshot());
    }
}
