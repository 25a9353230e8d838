package org.kervi.bench.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Runs a step {@code count} times at a fixed rate: parks until shortly before each slot, then spins; with the
 * system property {@code kervi.bench.parkingPacer=true} it only parks (a late slot is caught up at once), so that
 * a fast rate does not take a whole core from the system under test.
 */
final class Pacer {
    private static final boolean PARK_ONLY = Boolean.getBoolean("kervi.bench.parkingPacer");

    @FunctionalInterface
    interface Step {
        void run(int index) throws Exception;
    }

    private Pacer() {
    }

    /** Returns the achieved rate per second. */
    static double run(int rate, int count, Step step) throws Exception {
        long interval = 1_000_000_000L / Math.max(1, rate);
        long start = System.nanoTime();
        long next = start;
        for (int i = 0; i < count; i++) {
            long now;
            while ((now = System.nanoTime()) < next) {
                if (PARK_ONLY) {
                    LockSupport.parkNanos(next - now);
                } else if (next - now > 200_000) {
                    LockSupport.parkNanos(next - now - 100_000);
                }
            }
            step.run(i);
            next += interval;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
