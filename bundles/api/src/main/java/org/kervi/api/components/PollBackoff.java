package org.kervi.api.components;

import java.time.Duration;

/**
 * How long a sensor waits before polling a failing driver again: the poll interval doubled per failure in a row,
 * up to 30 intervals or 60 s, whichever is less (never less than the interval itself).
 */
public final class PollBackoff {
    static final Duration LONGEST = Duration.ofSeconds(60);
    static final int MOST_INTERVALS = 30;

    private PollBackoff() {}

    public static Duration delay(Duration interval, int failuresInARow) {
        Duration cap = max(interval, min(LONGEST, interval.multipliedBy(MOST_INTERVALS)));
        Duration delay = interval;
        for (int i = 0; i < failuresInARow && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return min(delay, cap);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
