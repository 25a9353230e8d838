package org.kervi.example.controllers;

import org.kervi.api.actions.Action;
import org.kervi.api.components.Controller;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.osgi.service.component.annotations.Component;

/**
 * The seed's fan controller: while active, the fan speed follows the temperature input (0 at 20 or below, else
 * temp / 80 · 100, at most 100); inactive, the fan stands still. The temperature follows {@code cpu_load},
 * wherever that sensor runs.
 */
@Component(service = KerviComponent.class)
public class FanController extends Controller {
    final NumberValue temp = inputs().number("temp", "Temperature").range(0, 150);
    final NumberValue fanSpeed = outputs().number("fan_speed", "Fan speed").unit("%");
    final BooleanValue active = outputs().bool("active", "Active");

    public FanController() {
        super("fan_controller", "Fan");
        temp.linkTo("cpu_load");
        temp.linkToDashboard("fan", "controller", WidgetType.GAUGE);
        fanSpeed.linkToDashboard(DashboardLink.of("fan", "controller", WidgetType.GAUGE).inHeader());
        active.linkToDashboard("fan", "controller", WidgetType.VALUE);
    }

    /** Switches the fan control on or off and returns the resulting fan speed. */
    @Action(name = "Activate")
    public double activate(boolean on) {
        synchronized (this) {
            active.set(on);
            calculateSpeed();
            return fanSpeed.doubleValue();
        }
    }

    @Override
    protected void inputChanged(Value<?> input) {
        calculateSpeed();
    }

    private void calculateSpeed() {
        fanSpeed.set(active.isOn() ? speedFor(temp.doubleValue()) : 0);
    }

    static double speedFor(double temperature) {
        if (temperature <= 20) {
            return 0;
        }
        return Math.min(100, temperature / 80 * 100);
    }
}
