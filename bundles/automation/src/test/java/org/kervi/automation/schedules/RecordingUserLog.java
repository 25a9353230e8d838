package org.kervi.automation.schedules;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.api.Registration;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.userlog.UserLogListener;

/** Keeps what is logged as "LEVEL source: message" lines. */
final class RecordingUserLog implements UserLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void log(UserLogLevel level, String sourceId, String message) {
        lines.add(level + " " + sourceId + ": " + message);
    }

    @Override
    public List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit) {
        return List.of();
    }

    @Override
    public Registration addListener(UserLogListener listener) {
        return () -> { };
    }
}
