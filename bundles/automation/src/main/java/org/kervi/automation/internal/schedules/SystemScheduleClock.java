package org.kervi.automation.internal.schedules;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.kervi.api.Registration;
import org.kervi.automation.schedules.ScheduleClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall clock and one timer thread. A task woken before its time (the wall clock was set back) is set again for
 * the rest, so a run never starts early.
 */
final class SystemScheduleClock implements ScheduleClock, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduleClock.class);
    private final ScheduledThreadPoolExecutor timer;

    SystemScheduleClock() {
        timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kervi-schedules");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Registration at(Instant when, Runnable task) {
        AtomicReference<ScheduledFuture<?>> current = new AtomicReference<>();
        arm(when, task, current);
        return () -> {
            ScheduledFuture<?> f = current.get();
            if (f != null) {
                f.cancel(false);
            }
        };
    }

    private void arm(Instant when, Runnable task, AtomicReference<ScheduledFuture<?>> current) {
        long delayNanos = Math.max(0, Duration.between(Instant.now(), when).toNanos());
        try {
            current.set(timer.schedule(() -> {
                if (Instant.now().isBefore(when)) {
                    arm(when, task, current);
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("schedules: a timer task failed", e);
                }
            }, delayNanos, TimeUnit.NANOSECONDS));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the bundle is stopping
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
