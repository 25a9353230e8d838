package org.kervi.devices.system.internal;

import org.kervi.api.components.SensorDriver;
import oshi.hardware.Sensors;

/** CPU temperature, where the platform reports one. */
final class CpuTemperatureDriver implements SensorDriver {
    private final Sensors sensors;

    CpuTemperatureDriver(Sensors sensors) {
        this.sensors = sensors;
    }

    @Override
    public double read() {
        double celsius = sensors.getCpuTemperature();
        if (!(celsius > 0)) {
            throw new IllegalStateException("this platform reports no CPU temperature");
        }
        return celsius;
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
