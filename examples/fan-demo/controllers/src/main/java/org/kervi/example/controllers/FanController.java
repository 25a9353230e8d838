package org.kervi.example.controllers;

import java.time.Duration;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionContext;
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
 * The seed's fan controller: while active, the fan speed follows the input {@code temp}, which follows the CPU
 * load in % ({@code cpu_load}, wherever that sensor runs): 0 at a load of 20 % or below, else load / 80 · 100, at
 * most 100. Inactive, the fan stands still. The input keeps the seed's id {@code temp}; it is labelled as what it
 * is, a CPU load. Two inputs for the dashboard go beyond the seed: {@code max_speed} caps the speed, {@code boost}
 * runs the fan at that cap while active. On the dashboard, "Fan control" is a switch that shows {@code active}
 * and calls {@link #activate(boolean)}; "Boost" runs {@link #boostRun(ActionContext)}, which the application links
 * to a CPU load above 90 %. The load's ranges (normal up to 75 %, warning to 90 %, error above) badge
 * its gauge and go to the user log.
 */
@Component(service = KerviComponent.class)
public class FanController extends Controller {
    final NumberValue temp = inputs().number("temp", "CPU load").range(0, 100).unit("%").decimals(0);
    final NumberValue fanSpeed = outputs().number("fan_speed", "Fan speed").unit("%").decimals(0);
    final NumberValue maxSpeed = inputs().number("max_speed", "Maximum speed").range(0, 100).unit("%").decimals(0);
    final BooleanValue boost = inputs().bool("boost", "Boost");
    final BooleanValue active = outputs().bool("active", "Active");
    final BooleanValue boosting = outputs().bool("boosting", "Boosting");
    final NumberValue boostTime = inputs().number("boost_time", "Boost time").range(1, 3600).unit("s").decimals(0);

    public FanController() {
        super("fan_controller", "Fan");
        temp.linkTo("cpu_load");
        temp.addNormalRange(0, 75).addWarningRange(75, 90, "CPU load high").addErrorRange(90, 100,
                "CPU load critical").rangeHysteresis(3);
        temp.linkToDashboard(DashboardLink.of("fan", "controller", WidgetType.GAUGE).withIcon("cpu"));
        fanSpeed.linkToDashboard(DashboardLink.of("fan", "controller", WidgetType.GAUGE).withIcon("fan").inHeader());
        boost.linkToDashboard(DashboardLink.of("fan", "controller", WidgetType.SWITCH).withIcon("zap"));
        maxSpeed.linkToDashboard(DashboardLink.of("fan", "controller", WidgetType.SLIDER).withIcon("gauge"));
        boosting.linkToDashboard(DashboardLink.of("fan", "actions", WidgetType.VALUE).withIcon("zap"));
        maxSpeed.set(100.0);
        boosting.set(false);
        boostTime.set(10.0);
        boost.set(false);
        maxSpeed.persist();
        boost.persist();
    }

    /** Switches the fan control on or off and returns the resulting fan speed. */
    @Action(name = "Activate", unit = "%", decimals = 0)
    @OnDashboard(dashboard = "fan", panel = "actions", widget = WidgetType.SWITCH, state = "fan_controller.active",
            label = "Fan control", icon = "power")
    public double activate(boolean on) {
        synchronized (this) {
            active.set(on);
            calculateSpeed();
            return fanSpeed.doubleValue();
        }
    }

    /**
     * Runs the fan at its cap for {@code boost_time} seconds (10 by default), then back to the formula;
     * {@code boosting} shows the run. The application starts it through an action link when the CPU load rises above 90 %. An interrupt ends the
     * boost early. Returns the seconds boosted.
     */
    @Action(id = "boost_run", name = "Boost", unit = "s", decimals = 1, timeoutMillis = 3_700_000,
            concurrency = ActionConcurrency.REJECT)
    @OnDashboard(dashboard = "fan", panel = "actions", widget = WidgetType.BUTTON, label = "Boost", icon = "zap")
    public double boostRun(ActionContext run) {
        long started = System.nanoTime();
        synchronized (this) {
            boosting.set(true);
            calculateSpeed();
        }
        try {
            run.awaitInterrupt(Duration.ofMillis((long) (boostTime.doubleValue() * 1000)));
        } finally {
            synchronized (this) {
                boosting.set(false);
                calculateSpeed();
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    protected void inputChanged(Value<?> input) {
        calculateSpeed();
    }

    private void calculateSpeed() {
        if (!active.isOn()) {
            fanSpeed.set(0.0);
            return;
        }
        double cap = maxSpeed.doubleValue();
        fanSpeed.set(boost.isOn() || boosting.isOn() ? cap : Math.min(cap, speedFor(temp.doubleValue())));
    }

    static double speedFor(double cpuLoad) {
        if (cpuLoad <= 20) {
            return 0;
        }
        return Math.min(100, cpuLoad / 80 * 100);
    }
}
