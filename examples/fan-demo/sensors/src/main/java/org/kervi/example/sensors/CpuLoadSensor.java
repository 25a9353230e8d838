package org.kervi.example.sensors;

import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.devices.system.SystemSensorDrivers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The seed's {@code cpu_load} sensor, shown as a value in the header strip and as a chart. It measures the host
 * with OSHI, or, with {@code simulated = true} in the {@code org.kervi.example.sensors} pid, reads the settable
 * value {@code cpu_load.setpoint} instead. Switching needs no restart of the component.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.example.sensors")
@Designate(ocd = CpuLoadSensor.Config.class)
public class CpuLoadSensor extends Sensor {

    @ObjectClassDefinition(id = "org.kervi.example.sensors", name = "Fan demo sensors")
    public @interface Config {
        @AttributeDefinition(name = "Simulated", description = "Read cpu_load.setpoint instead of the host's CPU")
        boolean simulated() default false;
    }

    @Activate
    public CpuLoadSensor(@Reference SystemSensorDrivers drivers, Config config) {
        super("cpu_load", "CPU", new CpuLoadDriver(drivers.cpuLoad(), config.simulated()));
        value().decimals(0);
        addValue(((CpuLoadDriver) driver()).setpoint);
        linkToDashboard(DashboardLink.header(WidgetType.VALUE).withIcon("cpu"));
        linkToDashboard(DashboardLink.of("system", "cpu", WidgetType.CHART).withIcon("activity"));
        if (config.simulated()) {
            ((CpuLoadDriver) driver()).setpoint.linkToDashboard(
                    DashboardLink.of("system", "cpu", WidgetType.SLIDER).withLabel("Simulated CPU load")
                            .withIcon("sliders"));
        }
    }

    @Modified
    void modified(Config config) {
        ((CpuLoadDriver) driver()).simulated(config.simulated());
    }
}
