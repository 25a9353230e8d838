package org.kervi.api.schedules;

import java.time.Duration;

/** The unit of {@code every(n)}; {@link Schedule#at(String)} places the run inside one such period. */
public enum ScheduleUnit {
    SECOND(Duration.ofSeconds(1)),
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration length;

    ScheduleUnit(Duration length) {
        this.length = length;
    }

    /** One period of this unit (a day counts as 24 h here; day schedules follow the calendar of their zone). */
    public Duration length() {
        return length;
    }
}
