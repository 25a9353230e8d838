package org.kervi.bench.internal;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.hardware.MockPins;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Moves a mock digital input (through {@link MockPins}, as {@code kervi:hardware-mock} does) and stamps each edge
 * with {@link System#nanoTime()} just before the pin moves; a consumer in another JVM on the same machine stamps the
 * arrival with the same monotonic clock.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.edges",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchEdges extends KerviComponent {
    private final MockPins pins;
    private boolean high;

    @Activate
    public BenchEdges(@Reference MockPins pins) {
        super("bench_edges", "Bench edges");
        this.pins = pins;
    }

    /**
     * Toggles mock input {@code pin} {@code count} times at {@code rate} per second and writes one line per edge,
     * {@code <nanoTime> <level>}, to {@code file} under {@code karaf.data}; returns the achieved rate.
     */
    @Action(timeoutMillis = 600_000)
    public synchronized double toggle(int pin, int count, int rate, String file) throws Exception {
        long[] stamps = new long[count];
        boolean[] levels = new boolean[count];
        double achieved = Pacer.run(rate, count, i -> {
            high = !high;
            levels[i] = high;
            stamps[i] = System.nanoTime();
            pins.setInput(pin, high);
        });
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(stamps[i] + " " + levels[i]);
        }
        Files.write(DataFiles.resolve(file), lines);
        return achieved;
    }
}
