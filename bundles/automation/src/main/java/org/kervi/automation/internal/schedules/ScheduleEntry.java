package org.kervi.automation.internal.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.kervi.api.Registration;
import org.kervi.api.schedules.ScheduleInfo;
import org.kervi.api.schedules.ScheduleState;

/** One registered schedule and what it did last; guarded by the engine's lock except the volatile result. */
final class ScheduleEntry {
    final String id;
    final String actionId;
    final List<?> arguments;
    final String description;
    final ZoneId zone;
    final String source;
    final FireTimes times;
    final String error;
    ZonedDateTime next;
    Instant lastFire;
    volatile String lastResult = "";
    long missedRuns;
    Registration timer;
    boolean closed;

    ScheduleEntry(String id, String actionId, List<?> arguments, String description, ZoneId zone, String source,
            FireTimes times, String error) {
        this.id = id;
        this.actionId = actionId;
        this.arguments = List.copyOf(arguments);
        this.description = description;
        this.zone = zone;
        this.source = source;
        this.times = times;
        this.error = error;
    }

    /** Identifies what the schedule runs and when, for the last-fire store. */
    String fingerprint() {
        return description + " (" + zone + ") -> " + actionId + " " + arguments;
    }

    ScheduleInfo info() {
        return new ScheduleInfo(id, actionId, arguments.stream().map(String::valueOf).toList(), description, zone,
                next, lastFire, lastResult, missedRuns, source,
                error == null ? ScheduleState.ACTIVE : ScheduleState.REFUSED, error == null ? "" : error);
    }
}
