package org.kervi.bench.internal;

import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** The far end of an action round trip. */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.echo",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchEcho extends KerviComponent {

    public BenchEcho() {
        super("bench_echo", "Bench echo");
    }

    /** Without state values, as the raw baselines' echo: the round trip is the call path alone. */
    @Action(concurrency = ActionConcurrency.PARALLEL, stateValues = false)
    public long echo(long value) {
        return value;
    }
}
