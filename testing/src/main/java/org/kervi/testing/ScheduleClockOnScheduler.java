package org.kervi.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.kervi.api.Registration;
import org.kervi.automation.schedules.ScheduleClock;

/** The schedules' clock on the test's {@link ManualScheduler}: schedules and sensor polls share one time. */
final class ScheduleClockOnScheduler implements ScheduleClock {
    private final ManualScheduler scheduler;

    ScheduleClockOnScheduler(ManualScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Instant now() {
        return scheduler.now();
    }

    @Override
    public Registration at(Instant when, Runnable task) {
        long delayNanos = Math.max(0, Duration.between(scheduler.now(), when).toNanos());
        ScheduledFuture<?> timer = scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        return () -> timer.cancel(false);
    }
}
