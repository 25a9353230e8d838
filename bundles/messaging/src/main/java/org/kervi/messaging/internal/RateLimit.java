package org.kervi.messaging.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * At most {@code maxMessages} per window of {@code per}; a window starts with the first message after the previous
 * one ended. What a full window holds back is remembered and reported once, in one summary, when the window ends
 * (so a window carries at most {@code maxMessages} + 1 messages). Not thread-safe: one channel's thread uses it.
 */
final class RateLimit {
    private final int maxMessages;
    private final Duration per;
    private Instant windowEnd;
    private int sentInWindow;
    private Suppressed pending;

    RateLimit(int maxMessages, Duration per) {
        this.maxMessages = maxMessages;
        this.per = per;
    }

    /** True: send {@code entry} now. False: it is held back and counted for the next summary. */
    boolean tryAcquire(UserLogEntry entry, Instant now) {
        if (windowEnd == null || !now.isBefore(windowEnd)) {
            windowEnd = now.plus(per);
            sentInWindow = 0;
        }
        if (sentInWindow < maxMessages) {
            sentInWindow++;
            return true;
        }
        pending = pending == null ? Suppressed.first(entry) : pending.and(entry);
        return false;
    }

    /** The summary of what was held back, once the window that held it back has ended. */
    Optional<Suppressed> takeSummaryDue(Instant now) {
        if (pending == null || now.isBefore(windowEnd)) {
            return Optional.empty();
        }
        Suppressed due = pending;
        pending = null;
        return Optional.of(due);
    }

    boolean hasPending() {
        return pending != null;
    }

    /** When the current window ends; a summary of held-back entries is due then. */
    Instant windowEnd() {
        return windowEnd;
    }

    String describe() {
        return maxMessages + " per " + ShortDuration.format(per);
    }

    /** Entries held back in one window: how many, the first and the last one, the highest level. */
    record Suppressed(int count, UserLogEntry first, UserLogEntry last, UserLogLevel highest) {
        static Suppressed first(UserLogEntry entry) {
            return new Suppressed(1, entry, entry, entry.level());
        }

        Suppressed and(UserLogEntry entry) {
            return new Suppressed(count + 1, first, entry, entry.level().atLeast(highest) ? entry.level() : highest);
        }
    }
}
