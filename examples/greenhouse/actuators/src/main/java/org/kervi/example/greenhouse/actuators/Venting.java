package org.kervi.example.greenhouse.actuators;

/**
 * How far to vent, 0–1: nothing up to {@code from}, in proportion to the temperature above it, fully from
 * {@code fullAt}. The fan runs at that share of 100 %, the vent opens to that share of {@link #OPEN_DEGREES}.
 */
final class Venting {
    static final double OPEN_DEGREES = 90;

    private Venting() {}

    static double share(double temperature, double from, double fullAt) {
        if (fullAt <= from) {
            return temperature >= from ? 1 : 0;
        }
        return Math.max(0, Math.min(1, (temperature - from) / (fullAt - from)));
    }
}
