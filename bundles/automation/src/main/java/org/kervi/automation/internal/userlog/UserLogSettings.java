package org.kervi.automation.internal.userlog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The user log's configuration, checked: a setting out of bounds is replaced by its default and named. */
record UserLogSettings(int maxEntries, Path file, int rateLimitEntries, long rateLimitWindowMillis,
        List<String> problems) {

    static UserLogSettings from(UserLogConfig c, Path dataFolder) {
        List<String> problems = new ArrayList<>();
        int max = within("maxEntries", c.maxEntries(), 10, 1_000_000, 10_000, problems);
        int rate = within("rateLimitEntries", c.rateLimitEntries(), 1, 1000, 5, problems);
        int window = within("rateLimitWindowSeconds", c.rateLimitWindowSeconds(), 1, 86_400, 60, problems);
        String file = c.file() == null ? "" : c.file().trim();
        Path path = file.isEmpty() ? dataFolder.resolve("kervi").resolve("userlog.jsonl") : Path.of(file);
        return new UserLogSettings(max, path, rate, window * 1000L, List.copyOf(problems));
    }

    private static int within(String name, int value, int low, int high, int fallback, List<String> problems) {
        if (value < low || value > high) {
            problems.add(name + " " + value + " is outside " + low + ".." + high + "; using " + fallback);
            return fallback;
        }
        return value;
    }
}
