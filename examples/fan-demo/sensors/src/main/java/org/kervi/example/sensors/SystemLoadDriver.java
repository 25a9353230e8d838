package org.kervi.example.sensors;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.kervi.api.components.SensorDriver;

/** CPU load in percent of all cores, from the one-minute system load average. */
final class SystemLoadDriver implements SensorDriver {
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

    @Override
    public double read() {
        double load = os.getSystemLoadAverage();
        if (load < 0) {
            throw new IllegalStateException("this platform reports no load average");
        }
        return Math.min(100, load / os.getAvailableProcessors() * 100);
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
