package org.kervi.itests.producer;

import org.kervi.api.components.KerviComponent;
import org.kervi.api.values.NumberValue;

/**
 * A test component that sets {@value #ID} to 1, 2, 3 ... at {@value #PER_SECOND} changes per second (catching up
 * after a late wake-up, so the rate holds on a busy machine). Installed only by tests, as the bundle
 * {@link ProducerBundle} writes; never part of the product.
 */
public class RateProducer extends KerviComponent {
    public static final String ID = "power_cut.counter";
    public static final int PER_SECOND = 1_000;
    private final NumberValue counter = addValue(new NumberValue(ID, "Power cut counter"));
    private volatile Thread thread;

    public RateProducer() {
        super("power_cut", "Power cut producer");
    }

    @Override
    protected void onStart() {
        Thread t = new Thread(this::produce, "power-cut-producer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    protected void onExit() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void produce() {
        long startedAt = System.nanoTime();
        long produced = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long due = (System.nanoTime() - startedAt) / (1_000_000_000L / PER_SECOND);
                while (produced < due) {
                    produced++;
                    counter.set((double) produced);
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
