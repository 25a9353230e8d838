package org.kervi.automation.internal.schedules;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleUnit;

/** The fire times of one schedule in its zone. */
interface FireTimes {
    /** The first fire time strictly after {@code time}; null when there is none (a cron day that never comes). */
    ZonedDateTime after(ZonedDateTime time);

    /**
     * Seconds and minutes are counted from the epoch; hours and days are calendar times in the zone, computed by
     * cron-utils from the equivalent Quartz expression.
     *
     * @throws IllegalArgumentException for a cron expression that does not parse, with the parser's reason
     */
    static FireTimes of(Schedule schedule, ZoneId zone) {
        if (schedule.cronExpression().isPresent()) {
            return CronTimes.parse(schedule.cronExpression().get(), zone);
        }
        ScheduleUnit unit = schedule.unit().orElseThrow();
        long at = schedule.at().map(java.time.Duration::getSeconds).orElse(0L);
        int n = schedule.count();
        return switch (unit) {
            case SECOND, MINUTE -> new IntervalTimes(unit.length().multipliedBy(n), java.time.Duration.ofSeconds(at),
                    zone);
            case HOUR -> CronTimes.parse(at % 60 + " " + at / 60 + " " + step(n) + " * * ?", zone);
            case DAY -> new DailyTimes(CronTimes.parse(at % 60 + " " + at / 60 % 60 + " " + at / 3600 + " " + step(n)
                    + " * ?", zone), java.time.LocalTime.ofSecondOfDay(at), n, zone);
        };
    }

    private static String step(int n) {
        return n == 1 ? "*" : "*/" + n;
    }
}
