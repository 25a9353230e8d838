package org.kervi.devices.system.internal;

import org.kervi.api.components.SensorDriver;

/** A driver whose readings are percentages, 0 to 100. */
abstract class PercentDriver implements SensorDriver {
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
}
