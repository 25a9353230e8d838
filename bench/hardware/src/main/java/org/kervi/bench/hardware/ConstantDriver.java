package org.kervi.bench.hardware;

import org.kervi.api.components.SensorDriver;

/** A sensor driver that touches no bus. */
final class ConstantDriver implements SensorDriver {
    private final double value;

    ConstantDriver(double value) {
        this.value = value;
    }

    @Override
    public double read() {
        return value;
    }
}
