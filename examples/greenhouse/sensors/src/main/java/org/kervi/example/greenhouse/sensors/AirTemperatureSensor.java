package org.kervi.example.greenhouse.sensors;

import java.time.Duration;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code air_temperature}: the BME280's temperature, in the header and on the climate panel. */
@Component(service = KerviComponent.class, configurationPid = SensorsConfig.PID)
public class AirTemperatureSensor extends Sensor {
    @Activate
    public AirTemperatureSensor(@Reference AirChip chip, SensorsConfig config) {
        super("air_temperature", "Air temperature", chip.bme280().temperature());
        pollInterval(Duration.ofMillis(config.pollMillis()));
        value().decimals(1);
        linkToDashboard(DashboardLink.header(WidgetType.VALUE).withIcon("thermometer"));
        linkToDashboard(DashboardLink.of("greenhouse", "climate", WidgetType.GAUGE).withIcon("thermometer"));
        linkToDashboard(DashboardLink.of("charts", "air", WidgetType.CHART).withIcon("thermometer"));
    }
}
