package org.kervi.example.sensors;

import org.kervi.api.components.SensorDriver;
import org.kervi.api.values.NumberValue;

/**
 * A simulated CPU: it reads whatever its setpoint value holds. For demos without load to show, and for tests that
 * must drive {@code cpu_load} exactly: {@code kervi:value-set cpu_load.setpoint 60}.
 */
final class SetpointDriver implements SensorDriver {
    final NumberValue setpoint = new NumberValue("cpu_load.setpoint", "Simulated CPU load").range(0, 100).unit("%");

    @Override
    public double read() {
        return setpoint.doubleValue();
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
        return "cpu_load";
    }
}
