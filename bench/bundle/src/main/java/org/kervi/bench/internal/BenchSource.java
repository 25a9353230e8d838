package org.kervi.bench.internal;

import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.values.NumberValue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Publishes {@code bench.stamp}: each event's value is {@link System#nanoTime()} when it was set, which a sink on
 * the same machine (another JVM, same monotonic clock) turns into a one-way latency. The value sits on dashboard
 * {@code bench}, panel {@code stamp}, so a dashboard's live stream carries it too (the dashboard streams only
 * values shown on some dashboard).
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.source",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchSource extends KerviComponent {
    private final NumberValue stamp = addValue(new NumberValue("bench.stamp", "Bench timestamp"));

    public BenchSource() {
        super("bench_source", "Bench source");
        stamp.linkToDashboard("bench", "stamp", WidgetType.VALUE);
    }

    /** Sends {@code count} events paced at {@code rate} per second; returns the achieved rate. */
    @Action(timeoutMillis = 600_000)
    public double burst(int rate, int count) throws Exception {
        return Pacer.run(rate, count, i -> stamp.set((double) System.nanoTime()));
    }

    /** Sends {@code count} events as fast as possible; returns events per second. */
    @Action(timeoutMillis = 600_000)
    public double flood(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            stamp.set((double) System.nanoTime());
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
