package org.kervi.itests.producer;

import org.kervi.api.components.SensorDriver;

/** A thermometer that always reads 21.5 °C: a driver with a type and a unit, for {@link TypedProbe}. */
public class ProbeDriver implements SensorDriver {
    @Override
    public double read() {
        return 21.5;
    }

    @Override
    public String unit() {
        return "°C";
    }

    @Override
    public String type() {
        return "temperature";
    }
}
