package org.kervi.itests.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.kervi.api.values.NumberValue;

/**
 * A test component that makes {@value #PER_SECOND} value changes per second: {@value #SERIES} counters
 * {@code power_cut.c0} ... each set to 1, 2, 3 ... at an equal share of the rate, catching up after a late wake-up
 * (so the rate holds on a busy machine) but never changing one counter twice in a millisecond — the history keeps
 * one change per value and millisecond. Installed only by tests, as the bundle {@link ProducerBundle} writes; never
 * part of the product.
 */
public class RateProducer extends BackgroundProducer {
    public static final String PREFIX = "power_cut.c";
    public static final int SERIES = 4;
    public static final int PER_SECOND = 1_000;
    private final List<NumberValue> counters = new ArrayList<>();

    public RateProducer() {
        super("power_cut", "Power cut producer");
        for (int i = 0; i < SERIES; i++) {
            counters.add(addValue(new NumberValue(PREFIX + i, "Power cut counter " + i)));
        }
    }

    @Override
    protected void produce() {
        long startedAt = System.nanoTime();
        long[] produced = new long[SERIES];
        while (!Thread.currentThread().isInterrupted()) {
            long due = (System.nanoTime() - startedAt) / (1_000_000_000L * SERIES / PER_SECOND);
            for (int i = 0; i < SERIES; i++) {
                NumberValue counter = counters.get(i);
                if (produced[i] < due && System.currentTimeMillis() > counter.changedAtMillis()) {
                    produced[i]++;
                    counter.set((double) produced[i]);
                }
            }
            LockSupport.parkNanos(200_000);
        }
    }
}
