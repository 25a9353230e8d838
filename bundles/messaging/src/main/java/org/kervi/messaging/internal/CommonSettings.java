package org.kervi.messaging.internal;

import java.time.Duration;
import org.kervi.api.Ids;

/** What every channel's configuration has: its id, the entries it takes and its rate limit. */
record CommonSettings(String id, EntryFilter filter, int maxMessages, Duration per) {
    static final int MOST_MESSAGES = 10_000;
    static final int LONGEST_WINDOW_SECONDS = 86_400;

    static CommonSettings of(String id, String minLevel, String[] sources, int maxMessages, int perSeconds,
            Problems problems) {
        String trimmed = id == null ? "" : id.trim();
        if (trimmed.isEmpty()) {
            problems.add("id", "missing: name the channel (letters, digits, _ - : and dots)");
        } else if (!Ids.isValid(trimmed)) {
            problems.add("id", "'" + trimmed + "' is not valid: use letters, digits, _ - : and dots between parts");
        }
        EntryFilter filter = EntryFilter.of(minLevel, sources, problems);
        if (maxMessages < 1 || maxMessages > MOST_MESSAGES) {
            problems.add("maxMessages", maxMessages + " is out of range [1, " + MOST_MESSAGES + "]");
        }
        if (perSeconds < 1 || perSeconds > LONGEST_WINDOW_SECONDS) {
            problems.add("perSeconds", perSeconds + " is out of range [1, " + LONGEST_WINDOW_SECONDS + "]");
        }
        return new CommonSettings(trimmed, filter, maxMessages, Duration.ofSeconds(Math.max(1, perSeconds)));
    }

    RateLimit newRateLimit() {
        return new RateLimit(maxMessages, per);
    }

    static void checkTimeout(int seconds, Problems problems) {
        if (seconds < 1 || seconds > 300) {
            problems.add("timeoutSeconds", seconds + " is out of range [1, 300]");
        }
    }
}
