package org.kervi.messaging.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The problems of one configuration, collected so that one message names them all, each with its field. */
final class Problems {
    private final List<String> problems = new ArrayList<>();

    void add(String field, String problem) {
        problems.add(field + ": " + problem);
    }

    /** Parses every text; a text that throws adds the exception's message (which names its field) instead. */
    <T> List<T> each(String[] texts, Function<String, T> parse) {
        List<T> parsed = new ArrayList<>();
        for (String text : texts == null ? new String[0] : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                parsed.add(parse.apply(text));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return parsed;
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws when there is any problem, naming the pid and every field at fault. */
    void throwIfAny(String pid) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(pid + ": " + String.join("; ", problems));
        }
    }
}
