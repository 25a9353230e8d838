package org.kervi.bench.internal;

import java.util.Map;
import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.values.NumberValue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * The values action links watch in the action-link benchmark: {@code bench_link.<variant>} for the variants
 * {@code local}, {@code remote_value} and {@code remote_action}. A pulse sets the value to {@link System#nanoTime()}
 * (a link's {@code > 0} trigger passes it to the action, which turns it into a latency) and half a period later back
 * to 0, so every pulse is a new edge.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.linksource",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchLinkSource extends KerviComponent {
    private final Map<String, NumberValue> variants = Map.of(
            "local", addValue(new NumberValue("bench_link.local", "Local link trigger")),
            "remote_value", addValue(new NumberValue("bench_link.remote_value", "Remote value trigger")),
            "remote_action", addValue(new NumberValue("bench_link.remote_action", "Remote action trigger")));

    public BenchLinkSource() {
        super("bench_link_source", "Bench link source");
    }

    /** {@code count} pulses of {@code bench_link.<variant>} at {@code rate} per second; returns the achieved rate. */
    @Action(timeoutMillis = 600_000)
    public double pulse(String variant, int rate, int count) throws Exception {
        NumberValue value = variants.get(variant);
        if (value == null) {
            throw new IllegalArgumentException("no variant '" + variant + "'; use one of " + variants.keySet());
        }
        return Pacer.run(2 * rate, 2 * count, i -> value.set(i % 2 == 0 ? (double) System.nanoTime() : 0.0)) / 2;
    }
}
