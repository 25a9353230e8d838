package org.kervi.example.sensors;

import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.devices.system.SystemSensorDrivers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The seed's {@code cpu_load} sensor (OSHI), shown as a value in the header strip and as a chart. */
@Component(service = KerviComponent.class)
public class CpuLoadSensor extends Sensor {

    @Activate
    public CpuLoadSensor(@Reference SystemSensorDrivers drivers) {
        super("cpu_load", "CPU", drivers.cpuLoad());
        linkToDashboard(DashboardLink.header(WidgetType.VALUE));
        linkToDashboard(DashboardLink.of("system", "cpu", WidgetType.CHART));
    }
}
