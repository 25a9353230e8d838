package org.kervi.messaging.internal;

import java.util.List;
import java.util.Locale;
import org.kervi.api.Ids;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * The user-log entries a channel takes: a lowest level, and optionally only some sources (an id, or an id prefix
 * ending in {@code *}).
 */
record EntryFilter(UserLogLevel minLevel, List<String> sources) {

    static EntryFilter of(String minLevel, String[] sources, Problems problems) {
        UserLogLevel level = parseLevel(minLevel, problems);
        List<String> patterns = problems.each(sources, EntryFilter::checkedSource);
        return new EntryFilter(level == null ? UserLogLevel.WARNING : level, patterns);
    }

    boolean accepts(UserLogEntry entry) {
        return entry.level().atLeast(minLevel) && (sources.isEmpty() || sources.stream()
                .anyMatch(pattern -> matches(pattern, entry.sourceId())));
    }

    String describe() {
        return minLevel + "+ from " + (sources.isEmpty() ? "any source" : String.join(", ", sources));
    }

    private static boolean matches(String pattern, String sourceId) {
        return pattern.endsWith("*") ? sourceId.startsWith(pattern.substring(0, pattern.length() - 1))
                : sourceId.equals(pattern);
    }

    private static UserLogLevel parseLevel(String text, Problems problems) {
        try {
            return UserLogLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("minLevel", "'" + text + "' is not one of INFO, WARNING, ERROR");
            return null;
        }
    }

    private static String checkedSource(String text) {
        String pattern = text.trim();
        String id = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (id.endsWith(".")) {
            id = id.substring(0, id.length() - 1);
        }
        if (!Ids.isValid(id)) {
            throw new IllegalArgumentException("sources: '" + text + "' is neither an id nor an id prefix ending in *"
                    + " (fan.temperature, fan.*)");
        }
        return pattern;
    }
}
