package org.kervi.dashboard.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Slows password guessing: after 5 failed logins from one address, that address waits 30 s. */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final long LOCK_MILLIS = 30_000;

    private record Failures(int count, long lastMillis) {}

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    void check(String address) {
        Failures f = byAddress.get(address);
        if (f != null && f.count() >= MAX_FAILURES) {
            long waited = System.currentTimeMillis() - f.lastMillis();
            if (waited < LOCK_MILLIS) {
                throw new HttpError(429, "too many failed logins from " + address + "; try again in "
                        + ((LOCK_MILLIS - waited) / 1000 + 1) + " s");
            }
            byAddress.remove(address);
        }
    }

    void failed(String address) {
        if (byAddress.size() > 10_000) {
            byAddress.clear();
        }
        byAddress.merge(address, new Failures(1, System.currentTimeMillis()),
                (old, one) -> new Failures(old.count() + 1, one.lastMillis()));
    }

    void succeeded(String address) {
        byAddress.remove(address);
    }
}
