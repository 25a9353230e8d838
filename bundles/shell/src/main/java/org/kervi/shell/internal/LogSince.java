package org.kervi.shell.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code --since} of {@code kervi:log}: an ISO-8601 time, or a duration back from now such as {@code 10m}. */
final class LogSince {
    private LogSince() {}

    static Instant parse(String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return now.minus(ShellDuration.parse(text));
            } catch (IllegalArgumentException notADuration) {
                throw new IllegalArgumentException("--since '" + text + "' is neither a duration like 90s, 10m, 24h,"
                        + " 7d nor an ISO-8601 time such as 2026-12-05T06:30:00Z");
            }
        }
    }
}
