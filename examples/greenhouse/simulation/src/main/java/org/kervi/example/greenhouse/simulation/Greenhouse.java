package org.kervi.example.greenhouse.simulation;

/**
 * The physics of the simulated greenhouse, in simulated seconds. The soil dries slowly and the pump wets it; the sun
 * follows a day and heats the air, which the fan and the open vent cool; the air is more humid while watering and
 * drier when vented; the water tank follows the air slowly.
 */
final class Greenhouse {
    static final double DRYING_PER_HOUR = 30;
    static final double WATERING_PER_HOUR = 180;
    static final double DAY_SECONDS = 24 * 3600;
    private static final double OUTSIDE_CELSIUS = 14;
    private static final double SUN_HEATING = 20;
    private static final double FAN_COOLING = 7;
    private static final double VENT_COOLING = 5;
    private static final double AIR_SECONDS = 15 * 60;
    private static final double HUMIDITY_SECONDS = 10 * 60;
    private static final double WATER_SECONDS = 60 * 60;

    private double seconds;
    private double moisture;
    private double airCelsius;
    private double humidity = 65;
    private double waterCelsius = 16;

    /** The simulated day starts at 10:00. */
    Greenhouse(double moisture, double airCelsius) {
        this.seconds = 10 * 3600;
        this.moisture = moisture;
        this.airCelsius = airCelsius;
    }

    void step(double dt, boolean pumpRunning, double fanPercent, double ventDegrees) {
        seconds += dt;
        double watering = pumpRunning ? WATERING_PER_HOUR : 0;
        moisture = clamp(moisture + (watering - DRYING_PER_HOUR) * dt / 3600, 0, 100);
        double vented = clamp(ventDegrees / 90, 0, 1);
        double airTarget = OUTSIDE_CELSIUS + SUN_HEATING * sun() - FAN_COOLING * clamp(fanPercent / 100, 0, 1)
                - VENT_COOLING * vented;
        airCelsius = approach(airCelsius, airTarget, dt, AIR_SECONDS);
        double humidityTarget = 70 - 0.8 * (airCelsius - 20) + (pumpRunning ? 10 : 0) - 12 * vented;
        humidity = clamp(approach(humidity, humidityTarget, dt, HUMIDITY_SECONDS), 5, 95);
        double waterTarget = 12 + 0.4 * (airCelsius - 12) + 0.5 * Math.sin(seconds / 1800);
        waterCelsius = approach(waterCelsius, waterTarget, dt, WATER_SECONDS);
    }

    /** Sunshine 0–1: none at night, most at noon. */
    double sun() {
        return Math.max(0, Math.sin(2 * Math.PI * (seconds / DAY_SECONDS - 0.25)));
    }

    double moisture() {
        return moisture;
    }

    double airCelsius() {
        return airCelsius;
    }

    double humidity() {
        return humidity;
    }

    double waterCelsius() {
        return waterCelsius;
    }

    /** Sea-level pressure with a slow weather swing, hPa. */
    double hectopascal() {
        return 1013 + 4 * Math.sin(seconds / (6 * 3600));
    }

    private static double approach(double current, double target, double dt, double timeConstant) {
        return target + (current - target) * Math.exp(-dt / timeConstant);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
