package org.kervi.devices.system;

import org.kervi.api.components.SensorDriver;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes sensor drivers for the machine the instance runs on. Get it as a DS reference and hand a driver to a
 * {@link org.kervi.api.components.Sensor}:
 *
 * <pre>
 * &#64;Activate
 * public CpuLoadSensor(&#64;Reference SystemSensorDrivers drivers) {
 *     super("cpu_load", "CPU", drivers.cpuLoad());
 * }
 * </pre>
 */
@ProviderType
public interface SystemSensorDrivers {
    /** CPU load of all cores in percent, measured between two readings. */
    SensorDriver cpuLoad();

    /** CPU temperature in °C; its reads fail where the platform reports none. */
    SensorDriver cpuTemperature();

    /** Memory in use, in percent of the total. */
    SensorDriver memoryUsed();

    /** Space in use on the file system holding {@code path}, in percent. */
    SensorDriver diskUsed(String path);

    /** Network traffic of all non-loopback interfaces in kB/s, two dimensions: {@code rx} and {@code tx}. */
    SensorDriver network();
}
