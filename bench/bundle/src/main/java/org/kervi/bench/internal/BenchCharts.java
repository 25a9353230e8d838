package org.kervi.bench.internal;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.values.NumberValue;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Six number values {@code bench.chart1} … {@code bench.chart6}, each a chart on dashboard {@code charts}, panel
 * {@code day}: the page of the dashboard's "24 h × 6 series" chart benchmark. {@code feed} changes all six once a
 * second, as six sensors at 1 Hz.
 */
@Component(service = KerviComponent.class, configurationPid = "org.kervi.bench.charts",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class BenchCharts extends KerviComponent {
    static final int SERIES = 6;

    private final List<NumberValue> values = IntStream.rangeClosed(1, SERIES)
            .mapToObj(i -> addValue(new NumberValue("bench.chart" + i, "Series " + i).range(0, 100)))
            .toList();

    public BenchCharts() {
        super("bench_charts", "Bench charts");
        values.forEach(v -> v.linkToDashboard("charts", "day", WidgetType.CHART));
    }

    /** Sets every value once a second for {@code seconds} seconds; returns how many changes were made. */
    @Action(timeoutMillis = 600_000)
    public int feed(int seconds) {
        long next = System.nanoTime();
        int changes = 0;
        for (int s = 0; s < seconds; s++) {
            for (int i = 0; i < SERIES; i++) {
                values.get(i).set(50 + 40 * Math.sin(2 * Math.PI * (s + 10 * i) / 60.0));
                changes++;
            }
            next += 1_000_000_000L;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
        return changes;
    }
}
