package org.kervi.history.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A retention period as configured: whole days, hours or minutes ({@code 7d}, {@code 48h}, {@code 90m}). */
final class RetentionPeriod {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})\\s*([dhm])");

    private RetentionPeriod() {}

    static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text.trim().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a period like 7d, 48h or 90m");
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            throw new IllegalArgumentException("'" + text.trim() + "' is no period: it must be above zero");
        }
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
