package org.kervi.bench.internal;

import java.util.Map;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The action an action link starts in the action-link benchmark: {@code <id>.hit(stamp)} records the time from the
 * value's set ({@code stamp}, {@link System#nanoTime()} in the source's JVM on the same machine) to the start of the
 * action's body. The component id comes from the configuration ({@code id}, default {@code bench_link_target}).
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.linktarget",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchLinkTarget extends KerviComponent {
    private final LatencyRecorder recorder = new LatencyRecorder(1_000_000);

    @Activate
    public BenchLinkTarget(Map<String, Object> config) {
        super(String.valueOf(config.getOrDefault("id", "bench_link_target")), "Bench link target");
    }

    /** Runs are serial, so the recorder has one writer at a time. */
    @Action
    public void hit(double stamp) {
        long now = System.nanoTime();
        recorder.record(now - (long) stamp, now);
    }

    @Action(concurrency = ActionConcurrency.PARALLEL)
    public void reset() {
        recorder.reset();
    }

    @Action(concurrency = ActionConcurrency.PARALLEL)
    public int count() {
        return recorder.count();
    }

    /** JSON with count, rate, p50/p99/p999/max latency in microseconds. */
    @Action(concurrency = ActionConcurrency.PARALLEL)
    public String stats() {
        return recorder.statsJson();
    }
}
