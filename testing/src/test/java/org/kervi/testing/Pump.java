package org.kervi.testing;

import java.time.Duration;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionContext;
import org.kervi.api.components.KerviComponent;

/** A component with a long action that runs until it is interrupted (Kervi style). */
public class Pump extends KerviComponent {
    volatile boolean motorOn;

    public Pump() {
        super("pump", "Pump");
    }

    @Action(timeoutMillis = 60_000)
    public String run(ActionContext context, int speed) {
        motorOn = true;
        try {
            return context.awaitInterrupt(Duration.ofSeconds(50)) ? "stopped" : "ran at " + speed;
        } finally {
            motorOn = false;
        }
    }
}
