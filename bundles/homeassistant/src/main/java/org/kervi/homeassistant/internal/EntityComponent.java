package org.kervi.homeassistant.internal;

import java.util.Locale;

/** The Home Assistant MQTT components this bundle publishes. */
enum EntityComponent {
    SENSOR, NUMBER, BINARY_SENSOR, SWITCH, SELECT, BUTTON;

    /** The component as it appears in discovery topics. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean takesCommands() {
        return this == NUMBER || this == SWITCH || this == SELECT || this == BUTTON;
    }
}
