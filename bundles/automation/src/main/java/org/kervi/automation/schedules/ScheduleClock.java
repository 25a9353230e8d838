package org.kervi.automation.schedules;

import java.time.Instant;
import org.kervi.api.Registration;
import org.osgi.annotation.versioning.ConsumerType;

/** The time a {@link ScheduleEngine} reads and the timer it sets. */
@ConsumerType
public interface ScheduleClock {
    Instant now();

    /**
     * Runs {@code task} once at {@code when} (at once when that has passed), on the clock's own thread.
     *
     * @return closing it cancels the task if it has not run
     */
    Registration at(Instant when, Runnable task);
}
