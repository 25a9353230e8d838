package org.kervi.bench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.values.NumberValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Owns {@code ids} (configuration, default 10,000) number values {@code bench_ids.v<n>} and sets the first
 * {@code n} of them in turn, each to {@link System#nanoTime()}: {@code n} distinct values updating, for the ids
 * scaling curve. With {@code n} ids updated round-robin no id repeats within {@code n} events, so a link that
 * coalesces per id has nothing to coalesce unless it falls {@code n} events behind.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.ids",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchIds extends KerviComponent {
    static final String PREFIX = "bench_ids.v";
    private final List<NumberValue> values = new ArrayList<>();

    @Activate
    public BenchIds(Map<String, Object> config) {
        super("bench_ids", "Bench ids");
        int count = Integer.parseInt(String.valueOf(config.getOrDefault("ids", "10000")));
        for (int i = 0; i < count; i++) {
            values.add(addValue(new NumberValue(id(i), "Bench id " + i)));
        }
    }

    static String id(int index) {
        return String.format(Locale.ROOT, "%s%05d", PREFIX, index);
    }

    /** Sets {@code count} values paced at {@code rate} per second, in turn over the first {@code ids}. */
    @Action(timeoutMillis = 600_000)
    public double burst(int ids, int rate, int count) throws Exception {
        int n = checkedIds(ids);
        return Pacer.run(rate, count, i -> values.get(i % n).set((double) System.nanoTime()));
    }

    /** Sets {@code count} values as fast as possible, in turn over the first {@code ids}; returns events/s. */
    @Action(timeoutMillis = 600_000)
    public double flood(int ids, int count) {
        int n = checkedIds(ids);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            values.get(i % n).set((double) System.nanoTime());
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private int checkedIds(int ids) {
        if (ids < 1 || ids > values.size()) {
            throw new IllegalArgumentException("ids must be 1.." + values.size() + ", not " + ids);
        }
        return ids;
    }
}
