package org.kervi.api;

import java.util.regex.Pattern;

/**
 * Rules for the ids of values, components and actions: letters, digits and {@code _ - :}, joined by
 * dots ({@code fan_controller.temp}).
 */
public final class Ids {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_:\\-]+(\\.[A-Za-z0-9_:\\-]+)*");
    public static final int MAX_LENGTH = 200;

    private Ids() {}

    public static boolean isValid(String id) {
        return id != null && id.length() <= MAX_LENGTH && VALID.matcher(id).matches();
    }

    /** Returns {@code id}, or throws an {@link IllegalArgumentException} saying what is wrong with it. */
    public static String requireValid(String id, String what) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " id must not be empty");
        }
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " id '" + id + "' is not valid: use letters, digits, _ - : and"
                    + " dots between parts, at most " + MAX_LENGTH + " characters");
        }
        return id;
    }

    public static String join(String parent, String child) {
        return parent + "." + child;
    }
}
