package org.kervi.automation.internal.userlog;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.kervi.api.Registration;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.userlog.UserLogListener;

/**
 * The user log of one instance: entries logged here pass the rate limit, are kept in the store, told to the
 * listeners and — in a module instance — handed to {@code toRoot}; entries other instances sent ({@link #received})
 * are kept and told too.
 */
final class UserLogCore implements UserLog {
    private static final Logger LOG = System.getLogger(UserLogCore.class.getName());

    private final String instanceId;
    private final UserLogStore store;
    private final RateLimiter limiter;
    private final LongSupplier clock;
    private final Consumer<UserLogEntry> toRoot;
    private final List<UserLogListener> listeners = new CopyOnWriteArrayList<>();

    /** @param toRoot null in the root (or an instance on its own) */
    UserLogCore(String instanceId, UserLogStore store, RateLimiter limiter, LongSupplier clock,
            Consumer<UserLogEntry> toRoot) {
        this.instanceId = instanceId;
        this.store = store;
        this.limiter = limiter;
        this.clock = clock;
        this.toRoot = toRoot;
    }

    @Override
    public void log(UserLogLevel level, String sourceId, String message) {
        Objects.requireNonNull(level, "level");
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("a user log entry needs a source id (the value, action or module it"
                    + " is about)");
        }
        Objects.requireNonNull(message, "message");
        long now = clock.getAsLong();
        boolean admitted;
        List<RateLimiter.Suppressed> summaries;
        synchronized (limiter) {
            summaries = limiter.ended(now);
            admitted = limiter.admit(sourceId, level, now);
        }
        summaries.forEach(s -> logged(summary(s, now)));
        if (admitted) {
            logged(new UserLogEntry(Instant.ofEpochMilli(now), level, sourceId, instanceId, message));
        }
    }

    /** Reports the windows that ended with entries suppressed (called every second). */
    void flushSuppressed() {
        long now = clock.getAsLong();
        List<RateLimiter.Suppressed> summaries;
        synchronized (limiter) {
            summaries = limiter.ended(now);
        }
        summaries.forEach(s -> logged(summary(s, now)));
    }

    private UserLogEntry summary(RateLimiter.Suppressed s, long now) {
        return new UserLogEntry(Instant.ofEpochMilli(now), s.level(), s.sourceId(), instanceId, s.message());
    }

    private void logged(UserLogEntry entry) {
        keep(entry);
        if (toRoot != null) {
            toRoot.accept(entry);
        }
    }

    /** An entry another instance logged (the root's inbox). */
    void received(UserLogEntry entry) {
        keep(entry);
    }

    private void keep(UserLogEntry entry) {
        store.add(entry);
        for (UserLogListener listener : listeners) {
            try {
                listener.logged(entry);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "user log listener " + listener + " failed", e);
            }
        }
    }

    @Override
    public List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit) {
        return store.query(atLeast, since, Math.max(0, limit));
    }

    @Override
    public Registration addListener(UserLogListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return () -> listeners.remove(listener);
    }
}
