package org.kervi.example.greenhouse.sensors;

import java.time.Duration;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.environment.Ds18b20;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code water_temperature}: a DS18B20 probe in the water tank, on 1-Wire. */
@Component(service = KerviComponent.class, configurationPid = SensorsConfig.PID)
public class WaterTemperatureSensor extends Sensor {
    @Activate
    public WaterTemperatureSensor(@Reference Hardware hardware, SensorsConfig config) throws HardwareException {
        super("water_temperature", "Water temperature", Ds18b20.on(hardware.oneWireDevice(config.waterProbe())));
        pollInterval(Duration.ofMillis(config.pollMillis()));
        value().decimals(1);
        linkToDashboard(DashboardLink.of("greenhouse", "soil", WidgetType.VALUE).withIcon("thermometer"));
        linkToDashboard(DashboardLink.of("charts", "air", WidgetType.CHART).withIcon("thermometer"));
    }
}
