package org.kervi.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** The problems of one configuration, collected so that one message names them all, each with its field. */
final class Problems {
    private final List<String> problems = new ArrayList<>();

    void add(String field, String problem) {
        problems.add(field + ": " + problem);
    }

    /**
     * Parses every text of a list, also split at commas (a {@code .cfg} file gives {@code a, b} as one text); a text
     * that throws adds the exception's message (which names its field) instead.
     */
    <T> List<T> each(String[] texts, Function<String, T> parse) {
        List<T> parsed = new ArrayList<>();
        for (String text : split(texts)) {
            T value = attempt(() -> parse.apply(text));
            if (value != null) {
                parsed.add(value);
            }
        }
        return parsed;
    }

    /** The parsed value, or null with the exception's message (which names its field) added as a problem. */
    <T> T attempt(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    static List<String> split(String[] texts) {
        List<String> parts = new ArrayList<>();
        for (String text : texts == null ? new String[0] : texts) {
            for (String part : text == null ? new String[0] : text.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.trim());
                }
            }
        }
        return parts;
    }

    /** Throws when there is any problem, naming the pid and every field at fault. */
    void throwIfAny(String pid) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(pid + ": " + String.join("; ", problems));
        }
    }
}
