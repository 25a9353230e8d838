package org.kervi.security.internal;

import java.util.Locale;
import java.util.Set;

/** What a new password must be: long enough, and none of the well-known defaults or the user's own name. */
final class PasswordPolicy {
    static final int MIN_LENGTH = 8;
    /** Passwords the guard refuses in production even when stored hashed. */
    static final Set<String> DEFAULTS = Set.of("karaf", "admin", "password", "changeme", "kervi");

    private PasswordPolicy() {
    }

    static void requireAcceptable(String user, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
        }
        String text = new String(password).toLowerCase(Locale.ROOT);
        if (DEFAULTS.contains(text) || text.equals(user.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("that password is a well-known default or the user's name");
        }
    }
}
