package org.kervi.security.internal;

/** Karaf's marking of an encrypted password in {@code users.properties}: {@code {CRYPT}...{CRYPT}}. */
final class Hashes {
    static final String PREFIX = "{CRYPT}";
    static final String SUFFIX = "{CRYPT}";

    private Hashes() {
    }

    static boolean isMarked(String stored) {
        return stored.length() > PREFIX.length() + SUFFIX.length() && stored.startsWith(PREFIX)
                && stored.endsWith(SUFFIX);
    }

    static String mark(String hash) {
        return PREFIX + hash + SUFFIX;
    }

    static String strip(String stored) {
        return isMarked(stored) ? stored.substring(PREFIX.length(), stored.length() - SUFFIX.length()) : stored;
    }

    /** True for a hash this bundle made (the only kind the {@code kervi} encryption accepts). */
    static boolean isOurs(String stored) {
        return isMarked(stored) && strip(stored).startsWith(Pbkdf2Encryption.SCHEME + "$");
    }
}
