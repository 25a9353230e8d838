package org.kervi.devices.system.internal;

import org.kervi.api.components.SensorDriver;
import org.kervi.devices.system.SystemSensorDrivers;
import org.osgi.service.component.annotations.Component;
import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;

/** The drivers, sharing one OSHI hardware layer. */
@Component(service = SystemSensorDrivers.class)
public final class OshiSystemSensorDrivers implements SystemSensorDrivers {
    private final SystemInfo system = new SystemInfo();
    private final HardwareAbstractionLayer hardware = system.getHardware();

    @Override
    public SensorDriver cpuLoad() {
        return new CpuLoadDriver(hardware.getProcessor());
    }

    @Override
    public SensorDriver cpuTemperature() {
        return new CpuTemperatureDriver(hardware.getSensors());
    }

    @Override
    public SensorDriver memoryUsed() {
        return new MemoryUsedDriver(hardware.getMemory());
    }

    @Override
    public SensorDriver diskUsed(String path) {
        return new DiskUsedDriver(system.getOperatingSystem().getFileSystem(), path);
    }

    @Override
    public SensorDriver network() {
        return new NetworkDriver(hardware);
    }
}
