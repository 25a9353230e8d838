package org.kervi.testing;

import java.util.concurrent.TimeUnit;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.ApplicationCode;
import org.kervi.api.runtime.KerviRegistry;

/** Application code as a DS component would get it: services through its constructor. */
final class RaiseOnStart implements ApplicationCode {
    private final ActionService actions;
    private final KerviRegistry registry;
    String instanceId;

    RaiseOnStart(ActionService actions, KerviRegistry registry) {
        this.actions = actions;
        this.registry = registry;
    }

    @Override
    public void appMain() throws Exception {
        instanceId = registry.instanceId();
        actions.call("thermostat.raise", 3).get(5, TimeUnit.SECONDS);
    }
}
