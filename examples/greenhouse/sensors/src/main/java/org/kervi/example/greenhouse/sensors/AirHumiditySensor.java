package org.kervi.example.greenhouse.sensors;

import java.time.Duration;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code air_humidity}: the BME280's relative humidity. */
@Component(service = KerviComponent.class, configurationPid = SensorsConfig.PID)
public class AirHumiditySensor extends Sensor {
    @Activate
    public AirHumiditySensor(@Reference AirChip chip, SensorsConfig config) {
        super("air_humidity", "Air humidity", chip.bme280().humidity());
        pollInterval(Duration.ofMillis(config.pollMillis()));
        value().decimals(0);
        linkToDashboard(DashboardLink.of("greenhouse", "climate", WidgetType.GAUGE).withIcon("droplet"));
        linkToDashboard(DashboardLink.of("charts", "air", WidgetType.CHART).withIcon("droplet"));
    }
}
