package org.kervi.messaging.internal;

import java.time.Duration;

/** A duration as an operator writes it: 60 s, 5 min, 1 h. */
final class ShortDuration {
    private ShortDuration() {}

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0 && seconds >= 120) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }
}
