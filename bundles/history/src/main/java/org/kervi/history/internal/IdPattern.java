package org.kervi.history.internal;

import java.util.regex.Pattern;

/** A glob over value ids: {@code *} any text (dots included), {@code ?} one character. */
record IdPattern(String glob, Pattern regex) {

    static IdPattern of(String glob) {
        String trimmed = glob.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty id pattern");
        }
        StringBuilder regex = new StringBuilder();
        for (char c : trimmed.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new IdPattern(trimmed, Pattern.compile(regex.toString()));
    }

    boolean matches(String id) {
        return regex.matcher(id).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
