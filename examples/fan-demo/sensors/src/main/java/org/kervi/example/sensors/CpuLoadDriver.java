package org.kervi.example.sensors;

import org.kervi.api.components.SensorDriver;
import org.kervi.api.values.NumberValue;

/**
 * The host's CPU load, or — while simulated — whatever the setpoint value holds: for demos without load to show
 * and for tests that must drive {@code cpu_load} exactly ({@code kervi:value-set cpu_load.setpoint 60}).
 */
final class CpuLoadDriver implements SensorDriver {
    final NumberValue setpoint = new NumberValue("cpu_load.setpoint", "Simulated CPU load").range(0, 100).unit("%")
            .decimals(0);
    private final SensorDriver host;
    private volatile boolean simulated;

    CpuLoadDriver(SensorDriver host, boolean simulated) {
        this.host = host;
        this.simulated = simulated;
    }

    void simulated(boolean on) {
        simulated = on;
    }

    @Override
    public double read() throws Exception {
        return simulated ? setpoint.doubleValue() : host.read();
    }

    @Override
    public String unit() {
        return host.unit();
    }

    @Override
    public double min() {
        return host.min();
    }

    @Override
    public double max() {
        return host.max();
    }

    @Override
    public String type() {
        return host.type();
    }
}
