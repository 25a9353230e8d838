package org.kervi.itests.multi;

import java.time.Duration;
import java.util.function.Supplier;

/** Asks again and again until an answer is there, or fails after a deadline with the last thing it saw. */
final class Poll {
    private static final long INTERVAL_MILLIS = 50;

    private Poll() {}

    /**
     * Returns once {@code probe} returns non-null (a probe may throw while the far side is not up yet, which counts
     * as no answer); throws an {@link AssertionError} naming {@code what} and the last failure after {@code timeout}.
     */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            text.append(" <- ").append(cause);
        }
        return text.toString();
    }

    static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing yet";
        while (true) {
            try {
                T answer = probe.get();
                if (answer != null) {
                    return answer;
                }
            } catch (RuntimeException e) {
                last = describe(e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " not within " + timeout + " (last: " + last + ")");
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
