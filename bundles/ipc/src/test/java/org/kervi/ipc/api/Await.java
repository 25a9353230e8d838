package org.kervi.ipc.api;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline; never a bare sleep. */
public final class Await {
    private Await() {}

    public static void until(String what, long timeoutMillis, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeoutMillis + " ms: " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, 20_000, condition);
    }

    /** Waits until {@code condition} holds and describes the last state it saw when it does not. */
    public static <T> void until(String what, long timeoutMillis, Supplier<T> state,
            java.util.function.Predicate<T> condition) {
        try {
            until(what, timeoutMillis, () -> condition.test(state.get()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (last seen: " + state.get() + ")");
        }
    }

    /**
     * Checks that {@code condition} keeps holding for {@code periodMillis} (nothing later undoes it), failing at the
     * first moment it does not.
     */
    public static void holds(String what, long periodMillis, BooleanSupplier condition) {
        long end = System.nanoTime() + periodMillis * 1_000_000;
        while (System.nanoTime() < end) {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("stopped holding: " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted checking " + what);
            }
        }
    }
}
