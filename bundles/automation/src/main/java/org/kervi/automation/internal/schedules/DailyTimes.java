package org.kervi.automation.internal.schedules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A time of day every n days: cron-utils' times, plus the one cron leaves out. On the day the clocks skip an hour, a
 * time inside the gap (02:30 when 02:00 becomes 03:00) does not exist; cron skips that day, this runs it just after
 * the gap (03:30), as {@link ZonedDateTime#of} places it. In the repeated hour of autumn it runs once, at the first.
 */
final class DailyTimes implements FireTimes {
    private final FireTimes cron;
    private final LocalTime at;
    private final int everyDays;
    private final ZoneId zone;

    DailyTimes(FireTimes cron, LocalTime at, int everyDays, ZoneId zone) {
        this.cron = cron;
        this.at = at;
        this.everyDays = everyDays;
        this.zone = zone;
    }

    @Override
    public ZonedDateTime after(ZonedDateTime time) {
        ZonedDateTime next = cron.after(time);
        ZonedDateTime local = time.withZoneSameInstant(zone);
        LocalDate last = next == null ? local.toLocalDate().plusDays(366) : next.toLocalDate();
        for (LocalDate day = local.toLocalDate(); day.isBefore(last); day = day.plusDays(1)) {
            boolean gap = zone.getRules().getValidOffsets(day.atTime(at)).isEmpty();
            if (gap && (day.getDayOfMonth() - 1) % everyDays == 0) {
                ZonedDateTime shifted = ZonedDateTime.of(day, at, zone);
                if (shifted.isAfter(time)) {
                    return shifted;
                }
            }
        }
        return next;
    }
}
