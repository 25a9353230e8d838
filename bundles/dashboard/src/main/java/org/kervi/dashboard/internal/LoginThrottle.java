package org.kervi.dashboard.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing per account and per client address. Every attempt counts as a failure the moment it is
 * admitted (so simultaneous guesses cannot all slip past the check); a success takes it back. After
 * {@code freeAttempts} an account or address waits {@code delaySeconds}, doubling with each further failure, and
 * after {@code lockoutAttempts} it is locked out for {@code lockoutMinutes}. Failures older than that are forgotten.
 */
final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    static final int MAX_TRACKED = 10_000;

    private static final class Counter {
        int attempts;
        long nextAllowedMillis;
        long lastMillis;
    }

    /** An admitted attempt: hand it back to {@link #failed} or {@link #succeeded}. */
    record Attempt(String account, String address) {}

    private final DashboardSettings.LoginLimits limits;
    private final LongSupplier clock;
    private final Map<String, Counter> counters = new HashMap<>();

    LoginThrottle(DashboardSettings.LoginLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts the attempt, or refuses it (429 with the seconds to wait) while the account or address must wait. */
    synchronized Attempt admit(String account, String address) {
        long now = clock.getAsLong();
        Counter byAccount = counter("account:" + account, now);
        Counter byAddress = counter("address:" + address, now);
        refuseWhileWaiting(byAccount, now, "for account '" + account + "'");
        refuseWhileWaiting(byAddress, now, "from " + address);
        count(byAccount, now, "account '" + account + "'", address);
        count(byAddress, now, "address " + address, address);
        return new Attempt(account, address);
    }

    /** The password was right: the account starts afresh, the address gets its attempt back. */
    synchronized void succeeded(Attempt attempt) {
        counters.remove("account:" + attempt.account());
        Counter byAddress = counters.get("address:" + attempt.address());
        if (byAddress != null && --byAddress.attempts < limits.freeAttempts()) {
            byAddress.nextAllowedMillis = 0;
        }
    }

    /** The password was wrong: the attempt already counted. */
    void failed(Attempt attempt) {
        // counted on admission
    }

    private void refuseWhileWaiting(Counter c, long now, String what) {
        if (now < c.nextAllowedMillis) {
            long seconds = (c.nextAllowedMillis - now + 999) / 1000;
            String state = c.attempts >= limits.lockoutAttempts() ? "locked out after " + c.attempts
                    + " failed logins" : "too many failed logins";
            throw HttpError.retryLater(429, state + " " + what + "; try again in " + seconds + " s", seconds);
        }
    }

    private void count(Counter c, long now, String what, String address) {
        c.attempts++;
        c.lastMillis = now;
        if (c.attempts >= limits.lockoutAttempts()) {
            c.nextAllowedMillis = now + lockoutMillis();
            if (c.attempts == limits.lockoutAttempts()) {
                LOG.warn("Dashboard logins of {} locked out for {} min after {} attempts (the last from {})", what,
                        limits.lockoutMinutes(), c.attempts, address);
            }
        } else if (c.attempts >= limits.freeAttempts()) {
            int doublings = Math.min(30, c.attempts - limits.freeAttempts());
            c.nextAllowedMillis = now + Math.min(lockoutMillis(), limits.delaySeconds() * 1000L << doublings);
        }
    }

    private Counter counter(String key, long now) {
        Counter c = counters.get(key);
        if (c != null && now - c.lastMillis > lockoutMillis() && now >= c.nextAllowedMillis) {
            counters.remove(key);
            c = null;
        }
        if (c == null) {
            if (counters.size() >= MAX_TRACKED) {
                forgetHarmless(now);
            }
            c = new Counter();
            counters.put(key, c);
        }
        return c;
    }

    /** Room for new keys: drops what has expired, then what is not making anyone wait. */
    private void forgetHarmless(long now) {
        counters.values().removeIf(c -> now - c.lastMillis > lockoutMillis() && now >= c.nextAllowedMillis);
        if (counters.size() >= MAX_TRACKED) {
            counters.values().removeIf(c -> now >= c.nextAllowedMillis);
        }
    }

    private long lockoutMillis() {
        return limits.lockoutMinutes() * 60_000L;
    }

    synchronized int tracked() {
        return counters.size();
    }
}
