package org.kervi.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.kervi.api.actions.Action;
import org.kervi.api.components.Controller;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;

/** A small module controller for the kit's tests: heats below its target. */
public class Thermostat extends Controller {
    final NumberValue temperature = inputs().number("temperature", "Temperature").range(-40, 150).unit("°C");
    final NumberValue target = inputs().number("target", "Target").range(5, 30).unit("°C");
    final BooleanValue heating = outputs().bool("heating", "Heating");
    final AtomicInteger inputChanges = new AtomicInteger();

    public Thermostat(String sourceId) {
        super("thermostat", "Thermostat");
        target.set(20.0);
        temperature.linkTo(sourceId);
    }

    @Action
    public double raise(double degrees) {
        target.set(target.doubleValue() + degrees);
        return target.doubleValue();
    }

    @Action
    public void calibrate() {
        throw new IllegalStateException("probe not found");
    }

    @Override
    protected void inputChanged(Value<?> input) {
        inputChanges.incrementAndGet();
        heating.set(temperature.doubleValue() < target.doubleValue());
    }
}
