package org.kervi.itests.producer;

import java.time.Duration;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionContext;
import org.kervi.api.actions.Interrupt;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.values.NumberValue;

/**
 * A test component with a long action, {@value #RUN}, that pumps until it is interrupted (or 60 s pass), and an
 * {@code @Interrupt} handler that counts its calls in {@value #STOPS}. Installed only by tests, as the bundle
 * {@link ProducerBundle} writes; never part of the product.
 */
public class PumpProducer extends KerviComponent {
    public static final String RUN = "pump.run";
    public static final String STOPS = "pump.stops";
    private final NumberValue stops = addValue(new NumberValue(STOPS, "Interrupt handler calls"));

    public PumpProducer() {
        super("pump", "Pump");
    }

    @Action(timeoutMillis = 120_000)
    public String run(ActionContext context, int speed) {
        return context.awaitInterrupt(Duration.ofSeconds(60)) ? "stopped" : "pumped at " + speed;
    }

    @Interrupt("run")
    public void stopPump() {
        stops.set(stops.get() + 1);
    }
}
