package org.kervi.bench.internal;

import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;
import org.osgi.service.component.annotations.Component;

/** The far end of an action round trip. */
@Component(service = KerviComponent.class)
public class BenchEcho extends KerviComponent {

    public BenchEcho() {
        super("bench_echo", "Bench echo");
    }

    @Action(concurrency = ActionConcurrency.PARALLEL)
    public long echo(long value) {
        return value;
    }
}
