package org.kervi.history.internal;

import java.util.Locale;

/** Where history is stored: the configuration's {@code store}. */
enum StoreKind {
    SQLITE, POSTGRESQL;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StoreKind parse(String text) {
        for (StoreKind kind : values()) {
            if (kind.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("store '" + text + "' is neither sqlite nor postgresql");
    }
}
