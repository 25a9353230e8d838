package org.kervi.devices.analog.internal;

import org.kervi.api.components.SensorDriver;

/** A volts driver mapped linearly onto 0–100 % between two calibration voltages, clamped. */
public final class LinearPercent implements SensorDriver {
    private final SensorDriver volts;
    private final double voltsAtZero;
    private final double voltsAtHundred;

    public LinearPercent(SensorDriver volts, double voltsAtZero, double voltsAtHundred) {
        if (!Double.isFinite(voltsAtZero) || !Double.isFinite(voltsAtHundred) || voltsAtZero == voltsAtHundred) {
            throw new IllegalArgumentException("calibration needs two different finite voltages, got "
                    + voltsAtZero + " V and " + voltsAtHundred + " V");
        }
        this.volts = volts;
        this.voltsAtZero = voltsAtZero;
        this.voltsAtHundred = voltsAtHundred;
    }

    @Override
    public double read() throws Exception {
        double percent = (volts.read() - voltsAtZero) / (voltsAtHundred - voltsAtZero) * 100;
        return Math.max(0, Math.min(100, percent));
    }

    @Override
    public String unit() {
        return "%";
    }

    @Override
    public double min() {
        return 0;
    }

    @Override
    public double max() {
        return 100;
    }

    @Override
    public String type() {
        return "percent";
    }
}
