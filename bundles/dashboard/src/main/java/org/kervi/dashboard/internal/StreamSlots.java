package org.kervi.dashboard.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Places for live streams, in all, per user and per client address. Checking and taking a place is one step, so
 * simultaneous requests can never open more than the caps allow.
 */
final class StreamSlots {
    static final long RETRY_AFTER_SECONDS = 10;

    private final DashboardSettings.StreamCaps caps;
    private final Map<String, Integer> byUser = new HashMap<>();
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int total;

    StreamSlots(DashboardSettings.StreamCaps caps) {
        this.caps = caps;
    }

    /** A place taken until its {@link Slot#close()}. */
    final class Slot implements AutoCloseable {
        private final String user;
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String user, String address) {
            this.user = user;
            this.address = address;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(user, address);
            }
        }
    }

    /** Takes a place, or refuses with 503 and {@code Retry-After} naming the cap that is full. */
    synchronized Slot reserve(String user, String address) {
        if (total >= caps.total()) {
            throw full("too many live streams open (" + caps.total() + ")");
        }
        if (byUser.getOrDefault(user, 0) >= caps.perUser()) {
            throw full("user '" + user + "' has " + caps.perUser() + " live streams open already");
        }
        if (byAddress.getOrDefault(address, 0) >= caps.perAddress()) {
            throw full(address + " has " + caps.perAddress() + " live streams open already");
        }
        total++;
        byUser.merge(user, 1, Integer::sum);
        byAddress.merge(address, 1, Integer::sum);
        return new Slot(user, address);
    }

    synchronized int open() {
        return total;
    }

    private synchronized void release(String user, String address) {
        total--;
        byUser.computeIfPresent(user, (k, n) -> n <= 1 ? null : n - 1);
        byAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
    }

    private static HttpError full(String why) {
        return HttpError.retryLater(503, why + "; try again later", RETRY_AFTER_SECONDS);
    }
}
