package ${package};

import org.kervi.api.actions.Action;
import org.kervi.api.components.Controller;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.OnDashboard;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.osgi.service.component.annotations.Component;

/**
 * Heats towards a target: while active, the heater's power is 25 % per degree below {@code target}, at most
 * 100 %. Its input {@code temperature} follows the sensor {@code ${moduleId}_temperature} by id — wherever that
 * sensor runs, in this module or another.
 */
@Component(service = KerviComponent.class)
public class HeaterController extends Controller {
    static final double POWER_PER_DEGREE = 25;

    final NumberValue temperature = inputs().number("temperature", "Temperature").range(-40, 85).unit("°C")
            .decimals(1);
    final NumberValue target = inputs().number("target", "Target").range(5, 30).unit("°C").decimals(1);
    final NumberValue power = outputs().number("power", "Heater power").unit("%").decimals(0);
    final BooleanValue active = outputs().bool("active", "Active");

    public HeaterController() {
        super("${moduleId}_heater", "Heater");
        temperature.linkTo("${moduleId}_temperature");
        temperature.linkToDashboard(DashboardLink.of("${moduleId}", "heater", WidgetType.GAUGE)
                .withIcon("thermometer"));
        target.linkToDashboard(DashboardLink.of("${moduleId}", "heater", WidgetType.SLIDER).withIcon("sliders"));
        power.linkToDashboard(DashboardLink.of("${moduleId}", "heater", WidgetType.GAUGE).withIcon("zap")
                .inHeader());
        target.set(20.0);
        target.persist();
        active.set(false);
        power.set(0.0);
    }

    /** Switches the heater control on or off; returns the heater's power. */
    @Action(name = "Activate", unit = "%", decimals = 0)
    @OnDashboard(dashboard = "${moduleId}", panel = "heater", widget = WidgetType.SWITCH,
            state = "${moduleId}_heater.active", label = "Heater control", icon = "power")
    public synchronized double activate(boolean on) {
        active.set(on);
        calculatePower();
        return power.doubleValue();
    }

    @Override
    protected synchronized void inputChanged(Value<?> input) {
        calculatePower();
    }

    private void calculatePower() {
        if (!active.isOn() || !temperature.hasFired()) {
            power.set(0.0);
            return;
        }
        double below = target.doubleValue() - temperature.doubleValue();
        power.set(Math.max(0, Math.min(100, below * POWER_PER_DEGREE)));
    }
}
