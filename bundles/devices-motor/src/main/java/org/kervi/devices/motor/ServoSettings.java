package org.kervi.devices.motor;

/**
 * How a servo maps angles to pulses: {@code minPulseMillis} at 0°, {@code maxPulseMillis} at {@code maxDegrees},
 * linear between. Hobby servos take 1.0–2.0 ms over 0–180° ({@link #STANDARD}); many turn further with 0.5–2.5 ms.
 */
public record ServoSettings(double minPulseMillis, double maxPulseMillis, double maxDegrees) {
    public static final ServoSettings STANDARD = new ServoSettings(1.0, 2.0, 180);

    public ServoSettings {
        if (!(minPulseMillis > 0 && minPulseMillis < maxPulseMillis && maxPulseMillis < 20)) {
            throw new IllegalArgumentException("servo pulses " + minPulseMillis + "–" + maxPulseMillis
                    + " ms: need 0 < min < max < 20 ms");
        }
        if (!(maxDegrees > 0 && maxDegrees <= 360)) {
            throw new IllegalArgumentException("servo range of " + maxDegrees + "° is outside (0, 360]");
        }
    }

    /** The pulse for an angle, clamped to 0…{@code maxDegrees}. */
    public double pulseMicros(double degrees) {
        double angle = Math.max(0, Math.min(maxDegrees, degrees));
        return 1000 * (minPulseMillis + (maxPulseMillis - minPulseMillis) * angle / maxDegrees);
    }
}
