package org.kervi.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.api.Registration;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.userlog.UserLogListener;

/**
 * The user log of a test: every entry kept in memory, stamped with the test's time and instance. Give it to a
 * component that takes a {@link UserLog}; read it back with {@link #entries()}.
 */
public final class TestUserLog implements UserLog {
    private final Clock clock;
    private final String instance;
    private final List<UserLogEntry> entries = new CopyOnWriteArrayList<>();
    private final List<UserLogListener> listeners = new CopyOnWriteArrayList<>();

    TestUserLog(Clock clock, String instance) {
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public void log(UserLogLevel level, String sourceId, String message) {
        UserLogEntry entry = new UserLogEntry(clock.instant(), level, sourceId, instance, message);
        entries.add(entry);
        listeners.forEach(listener -> listener.logged(entry));
    }

    @Override
    public List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit) {
        List<UserLogEntry> newestFirst = new ArrayList<>(entries.stream()
                .filter(e -> e.level().atLeast(atLeast) && (since == null || !e.time().isBefore(since))).toList());
        Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparing(UserLogEntry::time).reversed());
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    /** Every entry in the order logged (oldest first). */
    public List<UserLogEntry> entries() {
        return List.copyOf(entries);
    }

    /** The messages in the order logged. */
    public List<String> messages() {
        return entries.stream().map(UserLogEntry::message).toList();
    }

    @Override
    public Registration addListener(UserLogListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
