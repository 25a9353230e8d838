package org.kervi.bench.internal;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.values.BooleanValue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Follows the GPIO channel {@code bench_edge} (a digital input in another instance) and stamps each change's
 * arrival with {@link System#nanoTime()} in its listener.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.edgesink",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchEdgeSink extends KerviComponent {
    static final String CHANNEL_ID = "bench_edge";
    private static final int CAPACITY = 1_000_000;

    private final long[] arrivals = new long[CAPACITY];
    private final boolean[] levels = new boolean[CAPACITY];
    private volatile int count;
    private final BooleanValue level = addValue(new BooleanValue("bench_edge_sink.level", "Edge seen"));

    public BenchEdgeSink() {
        super("bench_edge_sink", "Bench edge sink");
        level.linkTo(CHANNEL_ID);
        level.addListener(change -> {
            long now = System.nanoTime();
            int n = count;
            if (n < CAPACITY) {
                arrivals[n] = now;
                levels[n] = change.current();
                count = n + 1;
            }
        });
    }

    @Action(concurrency = ActionConcurrency.PARALLEL)
    public synchronized void reset() {
        count = 0;
    }

    @Action(concurrency = ActionConcurrency.PARALLEL)
    public int count() {
        return count;
    }

    /** Writes one line per change seen since the reset, {@code <nanoTime> <level>}, to {@code file} (karaf.data). */
    @Action(concurrency = ActionConcurrency.PARALLEL)
    public synchronized int save(String file) throws Exception {
        int n = count;
        List<String> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(arrivals[i] + " " + levels[i]);
        }
        Files.write(DataFiles.resolve(file), lines);
        return n;
    }
}
