package org.kervi.ipc.internal.tcp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one connected instance uses of its {@link HubLimits}: ids registered, calls and writes awaiting their reply
 * at the hub, value events in the current second. The root's quota never refuses.
 *
 * @param <E> the directory entry of a held value event
 */
final class InstanceQuota<E> {
    private final HubLimits limits;
    private final boolean unlimited;
    /** Guarded by the hub's directory lock. */
    private int ids;
    private final AtomicInteger pendingCalls = new AtomicInteger();
    /** Only the peer's reader thread counts events. */
    private long windowStart;
    private int eventsInWindow;
    /** Ids whose latest event waits for the next second, coalesced (latest wins). */
    final Map<String, E> held = new ConcurrentHashMap<>();

    InstanceQuota(HubLimits limits, boolean unlimited) {
        this.limits = limits;
        this.unlimited = unlimited;
    }

    boolean idsFull() {
        return !unlimited && HubLimits.exceeded(limits.maxIdsPerInstance(), ids);
    }

    void idAdded() {
        ids++;
    }

    void idRemoved() {
        ids--;
    }

    void idsCleared() {
        ids = 0;
    }

    int ids() {
        return ids;
    }

    /** Counts a call or write awaiting its reply, or returns false when the quota is full. */
    boolean tryStartCall() {
        int limit = unlimited ? 0 : limits.maxPendingCallsPerInstance();
        while (true) {
            int now = pendingCalls.get();
            if (HubLimits.exceeded(limit, now)) {
                return false;
            }
            if (pendingCalls.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void callEnded() {
        pendingCalls.decrementAndGet();
    }

    int pendingCalls() {
        return pendingCalls.get();
    }

    /** Whether one more value event fits in the current second. */
    boolean eventAllowed(long nowMillis) {
        int limit = unlimited ? 0 : limits.maxValueEventsPerSecond();
        if (limit == 0) {
            return true;
        }
        if (nowMillis - windowStart >= 1000) {
            windowStart = nowMillis;
            eventsInWindow = 0;
        }
        return ++eventsInWindow <= limit;
    }
}
