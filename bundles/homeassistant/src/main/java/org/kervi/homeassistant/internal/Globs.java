package org.kervi.homeassistant.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A list of ids and globs ({@code fan_controller.*}, {@code *.temp}, {@code *}); {@code *} matches any text. */
final class Globs {
    private final List<String> globs;
    private final List<Pattern> patterns;

    private Globs(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.patterns = globs.stream().map(Globs::pattern).toList();
    }

    /** Entries as ConfigAdmin gives them: each may itself hold several, separated by commas or spaces. */
    static Globs of(String... entries) {
        List<String> all = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            for (String glob : entry.split("[,\\s]+")) {
                if (!glob.isBlank()) {
                    all.add(glob.trim());
                }
            }
        }
        return new Globs(all);
    }

    boolean matches(String id) {
        return patterns.stream().anyMatch(p -> p.matcher(id).matches());
    }

    boolean isEmpty() {
        return globs.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(", ", globs);
    }

    private static Pattern pattern(String glob) {
        List<String> quoted = new ArrayList<>();
        for (String part : glob.split("\\*", -1)) {
            quoted.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", quoted));
    }
}
