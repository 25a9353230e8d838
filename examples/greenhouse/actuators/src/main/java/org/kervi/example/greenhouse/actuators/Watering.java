package org.kervi.example.greenhouse.actuators;

/** The pump with hysteresis: on when the soil is drier than {@code dryBelow}, off once wetter than {@code wetAbove}. */
final class Watering {
    private Watering() {}

    static boolean pumpOn(boolean running, double moisture, double dryBelow, double wetAbove) {
        if (moisture < dryBelow) {
            return true;
        }
        if (moisture > wetAbove) {
            return false;
        }
        return running;
    }
}
