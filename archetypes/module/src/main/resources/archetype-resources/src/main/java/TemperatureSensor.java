package ${package};

import java.time.Duration;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.osgi.service.component.annotations.Component;

/**
 * The value {@code ${moduleId}_temperature}, polled every second from its driver: in the header strip and as a
 * chart on the dashboard {@code ${moduleId}}. Give the constructor another {@link TemperatureDriver} to read a chip.
 */
@Component(service = KerviComponent.class)
public class TemperatureSensor extends Sensor {

    public TemperatureSensor() {
        this(new SimulatedTemperatureDriver(21));
    }

    TemperatureSensor(SimulatedTemperatureDriver driver) {
        super("${moduleId}_temperature", "Temperature", driver);
        pollInterval(Duration.ofSeconds(1));
        value().decimals(1);
        addValue(driver.simulated);
        linkToDashboard(DashboardLink.header(WidgetType.VALUE).withIcon("thermometer"));
        linkToDashboard(DashboardLink.of("${moduleId}", "climate", WidgetType.CHART).withIcon("thermometer"));
        driver.simulated.linkToDashboard(DashboardLink.of("${moduleId}", "climate", WidgetType.SLIDER)
                .withIcon("sliders"));
    }
}
