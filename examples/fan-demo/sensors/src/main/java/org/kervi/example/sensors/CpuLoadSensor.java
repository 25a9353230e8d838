package org.kervi.example.sensors;

import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.osgi.service.component.annotations.Component;

/** The seed's {@code cpu_load} sensor, shown as a value in the header strip and as a chart. */
@Component(service = KerviComponent.class)
public class CpuLoadSensor extends Sensor {

    public CpuLoadSensor() {
        super("cpu_load", "CPU", new SystemLoadDriver());
        linkToDashboard(DashboardLink.header(WidgetType.VALUE));
        linkToDashboard(DashboardLink.of("system", "cpu", WidgetType.CHART));
    }
}
