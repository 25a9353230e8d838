package org.kervi.history.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@link HistoryConfig} checked: every problem is named at once, in one message. */
record HistorySettings(StoreKind store, Path file, String url, String user, String password, int batchMillis,
        int queueCapacity, Duration rawRetention, Duration rollupRetention, List<RetentionRule> retention,
        RecordingRules recording) {

    static final String PID = "org.kervi.history";

    /**
     * @param karafData the {@code karaf.data} folder, for the default SQLite file; may be null outside Karaf
     * @throws IllegalArgumentException naming every problem of the configuration
     */
    static HistorySettings of(HistoryConfig c, String karafData) {
        List<String> problems = new ArrayList<>();
        StoreKind store = attempt(problems, () -> StoreKind.parse(c.store()));
        Path file = null;
        String url = c.url().trim();
        if (store == StoreKind.SQLITE) {
            if (!c.file().isBlank()) {
                file = Path.of(c.file().trim());
            } else if (karafData != null && !karafData.isBlank()) {
                file = Path.of(karafData, "kervi", "history.db");
            } else {
                problems.add("file is empty and karaf.data is not set: name the SQLite file");
            }
        } else if (store == StoreKind.POSTGRESQL && !url.startsWith("jdbc:postgresql:")) {
            problems.add("url '" + url + "' must be a PostgreSQL JDBC url (jdbc:postgresql://host:5432/database)");
        }
        positive(problems, "batchMillis", c.batchMillis());
        positive(problems, "queueCapacity", c.queueCapacity());
        positive(problems, "rawRetentionDays", c.rawRetentionDays());
        positive(problems, "rollupRetentionDays", c.rollupRetentionDays());
        List<RetentionRule> retention = all(problems, c.retention(), RetentionRule::parse);
        List<IdPattern> include = all(problems, c.include(), IdPattern::of);
        List<IdPattern> exclude = all(problems, c.exclude(), IdPattern::of);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(PID + ": " + String.join("; ", problems));
        }
        return new HistorySettings(store, file, url, c.user().trim(), c.password(), c.batchMillis(),
                c.queueCapacity(), Duration.ofDays(c.rawRetentionDays()), Duration.ofDays(c.rollupRetentionDays()),
                retention, new RecordingRules(c.recordByDefault(), include, exclude));
    }

    /** How long raw changes of {@code id} are kept: the first matching retention pattern, else rawRetentionDays. */
    Duration rawRetention(String id) {
        for (RetentionRule rule : retention) {
            if (rule.pattern().matches(id)) {
                return rule.raw();
            }
        }
        return rawRetention;
    }

    /** Where the data is, without credentials. */
    String location() {
        return store == StoreKind.SQLITE ? file.toString() : url.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    private static void positive(List<String> problems, String name, int value) {
        if (value <= 0) {
            problems.add(name + " must be positive, got " + value);
        }
    }

    private static <T> T attempt(List<String> problems, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    /** Parses each non-blank entry (a configuration array may also hold one comma-separated string). */
    private static <T> List<T> all(List<String> problems, String[] entries, Function<String, T> parse) {
        List<T> parsed = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String part : entry.split(",")) {
                if (!part.isBlank()) {
                    T one = attempt(problems, () -> parse.apply(part));
                    if (one != null) {
                        parsed.add(one);
                    }
                }
            }
        }
        return List.copyOf(parsed);
    }
}
