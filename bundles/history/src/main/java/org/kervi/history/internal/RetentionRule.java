package org.kervi.history.internal;

import java.time.Duration;

/** How long raw changes of the ids matching {@code pattern} are kept ({@code sensors.*=7d}). */
record RetentionRule(IdPattern pattern, Duration raw) {

    /** Parses {@code pattern=period}; the message says what is wrong. */
    static RetentionRule parse(String entry) {
        int equals = entry.lastIndexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("retention '" + entry.trim() + "' must look like pattern=period,"
                    + " e.g. sensors.*=7d");
        }
        return new RetentionRule(IdPattern.of(entry.substring(0, equals)),
                RetentionPeriod.parse(entry.substring(equals + 1)));
    }
}
