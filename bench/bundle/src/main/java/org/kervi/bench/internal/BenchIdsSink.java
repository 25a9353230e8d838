package org.kervi.bench.internal;

import org.kervi.api.Registration;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.KerviRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Records the one-way latency of every {@code bench_ids.v<n>} event this instance sees (the registry's listener of
 * every value, local and remote: the remote values' proxies are set as their events arrive), without owning a
 * value per id.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.idssink",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchIdsSink extends KerviComponent {
    private final LatencyRecorder recorder = new LatencyRecorder(2_000_000);
    private final Registration subscription;

    @Activate
    public BenchIdsSink(@Reference KerviRegistry registry) {
        super("bench_ids_sink", "Bench ids sink");
        subscription = registry.subscribeAll(change -> {
            if (change.id().startsWith(BenchIds.PREFIX) && change.current() instanceof Number stamp) {
                long now = System.nanoTime();
                recorder.record(now - stamp.longValue(), now);
            }
        });
    }

    @Deactivate
    void unsubscribe() {
        subscription.close();
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
