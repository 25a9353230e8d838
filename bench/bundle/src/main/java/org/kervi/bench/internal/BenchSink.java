package org.kervi.bench.internal;

import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.values.NumberValue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/** Follows {@code bench.stamp} by id (wherever it lives) and records each event's one-way latency. */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.sink",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchSink extends KerviComponent {
    private final LatencyRecorder recorder = new LatencyRecorder(2_000_000);
    private final NumberValue stamp = addValue(new NumberValue("bench_sink.stamp", "Received timestamp"));

    public BenchSink() {
        super("bench_sink", "Bench sink");
        stamp.linkTo("bench.stamp");
        stamp.addListener(change -> {
            long now = System.nanoTime();
            recorder.record(now - change.current().longValue(), now);
        });
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
