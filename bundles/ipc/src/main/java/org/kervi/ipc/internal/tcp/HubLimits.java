package org.kervi.ipc.internal.tcp;

/**
 * What the hub allows one instance other than the root (see docs/security.md, "IPC limits and ACL"). A limit of 0
 * means unlimited.
 */
public record HubLimits(int maxIdsPerInstance, int maxPendingCallsPerInstance, int maxValueEventsPerSecond,
        long idReservationMillis) {
    public static final HubLimits DEFAULTS = new HubLimits(10_000, 1_000, 50_000, 120_000);

    public HubLimits {
        if (maxIdsPerInstance < 0 || maxPendingCallsPerInstance < 0 || maxValueEventsPerSecond < 0
                || idReservationMillis < 0) {
            throw new IllegalArgumentException("hub limits must not be negative");
        }
    }

    static boolean exceeded(int limit, int count) {
        return limit > 0 && count >= limit;
    }
}
