package org.kervi.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kervi.api.Registration;
import org.kervi.api.values.Value;

/** Waits for a value to hold what a test expects, told by the value's changes rather than by looking again. */
final class ValueWatch {
    private ValueWatch() {}

    static void await(Value<?> value, Object expected, Duration timeout) {
        CountDownLatch reached = new CountDownLatch(1);
        try (Registration listening = value.addListener(change -> {
            if (matches(change.current(), expected)) {
                reached.countDown();
            }
        })) {
            if (!matches(value.get(), expected) && !reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("'" + value.id() + "' did not become " + expected + " within "
                        + timeout.toMillis() + " ms; it is " + value.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("waiting for '" + value.id() + "' was interrupted", e);
        }
    }

    /** Numbers compare by value, whatever their boxed type ({@code 100} matches {@code 100.0}). */
    private static boolean matches(Object current, Object expected) {
        if (current instanceof Number a && expected instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return Objects.equals(current, expected);
    }
}
