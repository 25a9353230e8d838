package org.kervi.devices.pi4j.internal;

import java.util.Locale;

/** The value of {@code platform} in pid {@code org.kervi.hardware}. */
enum PlatformChoice {
    AUTO,
    GPIOD,
    LINUXFS,
    MOCK;

    static PlatformChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "platform '" + text + "' is not one of auto, gpiod, linuxfs, mock", e);
        }
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
