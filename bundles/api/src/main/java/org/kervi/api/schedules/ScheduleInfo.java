package org.kervi.api.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One schedule as {@code kervi:schedules} lists it.
 *
 * @param id the schedule's id
 * @param actionId the action it starts
 * @param arguments the arguments it passes, as given
 * @param schedule {@link Schedule#describe()}, or the configured text of a refused configuration
 * @param zone the zone its times are in (the instance's zone unless the schedule names one)
 * @param nextFire the next time it runs, in {@code zone}; null when it never will (refused)
 * @param lastFire when it last ran (its due time; kept across restarts); null before the first run
 * @param lastResult {@code ok}, {@code running}, the error of the last run, or empty before the first run
 * @param missedRuns runs missed while the instance was down (or too busy), since this instance started
 * @param source {@code code} (registered by a bundle) or the configuration pid
 * @param state active or refused
 * @param error why a configuration was refused; empty when active
 */
public record ScheduleInfo(String id, String actionId, List<String> arguments, String schedule, ZoneId zone,
        ZonedDateTime nextFire, Instant lastFire, String lastResult, long missedRuns, String source,
        ScheduleState state, String error) {
    public ScheduleInfo {
        arguments = List.copyOf(arguments);
    }
}
