package org.kervi.devices.motor.internal;

import java.util.Locale;
import org.kervi.devices.motor.StopMode;

/** {@code coast} or {@code brake}, as configurations write it. */
final class StopModes {
    private StopModes() {}

    static StopMode parse(String text, String who) {
        try {
            return StopMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": stop '" + text + "' is neither coast nor brake", e);
        }
    }
}
