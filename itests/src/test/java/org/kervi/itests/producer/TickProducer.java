package org.kervi.itests.producer;

import java.util.concurrent.locks.LockSupport;
import org.kervi.api.values.NumberValue;

/**
 * A test component whose value {@value #TICK} counts up every {@value #PERIOD_MILLIS} ms, and a settable
 * {@value #SETPOINT} (0 … 100) that writes can aim at: the steady traffic a module sends while a test attacks the
 * root. Installed only by tests, as the bundle {@link ProducerBundle} writes; never part of the product.
 */
public class TickProducer extends BackgroundProducer {
    public static final String TICK = "ticker.tick";
    public static final String SETPOINT = "ticker.setpoint";
    public static final long PERIOD_MILLIS = 100;
    private final NumberValue tick = addValue(new NumberValue(TICK, "Tick"));

    public TickProducer() {
        super("ticker", "Ticker");
        addValue(new NumberValue(SETPOINT, "Setpoint").range(0, 100));
    }

    @Override
    protected void produce() {
        long next = System.nanoTime();
        for (long n = 1; !Thread.currentThread().isInterrupted(); n++) {
            tick.set((double) n);
            next += PERIOD_MILLIS * 1_000_000;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }
}
