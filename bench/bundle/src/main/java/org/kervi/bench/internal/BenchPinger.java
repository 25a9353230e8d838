package org.kervi.bench.internal;

import java.util.concurrent.TimeUnit;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionService;
import org.kervi.api.components.KerviComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/** Calls an action {@code n} times in a row and reports the round-trip latencies. */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.ping",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchPinger extends KerviComponent {
    private final ActionService actions;

    @Activate
    public BenchPinger(@Reference ActionService actions) {
        super("bench_ping", "Bench pinger");
        this.actions = actions;
    }

    /** Calls {@code actionId} with one long argument {@code n} times (after {@code n/10} warm-up calls). */
    @Action(timeoutMillis = 600_000)
    public String pingpong(String actionId, int n) throws Exception {
        for (int i = 0; i < n / 10; i++) {
            actions.call(actionId, (long) i).get(5, TimeUnit.SECONDS);
        }
        LatencyRecorder recorder = new LatencyRecorder(n);
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            actions.call(actionId, (long) i).get(5, TimeUnit.SECONDS);
            long now = System.nanoTime();
            recorder.record(now - start, now);
        }
        return recorder.statsJson();
    }

    /**
     * {@code callers} threads call {@code actionId} at once, {@code total / callers} calls each in a row, after a
     * warm-up of a tenth as many; returns round-trip stats JSON whose rate is the calls per second over all.
     */
    @Action(timeoutMillis = 600_000)
    public String concurrent(String actionId, int callers, int total) throws Exception {
        if (callers < 1 || total < callers) {
            throw new IllegalArgumentException("need 1 <= callers <= total, got callers " + callers + ", total "
                    + total);
        }
        ConcurrentCalls.run(actions, actionId, callers, Math.max(1, total / callers / 10));
        return ConcurrentCalls.run(actions, actionId, callers, total / callers);
    }
}
