package org.kervi.automation.internal.schedules;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Fire times of a cron expression, by cron-utils: Quartz (6–7 fields, with seconds) or Unix (5 fields). */
final class CronTimes implements FireTimes {
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime times;
    private final ZoneId zone;

    private CronTimes(ExecutionTime times, ZoneId zone) {
        this.times = times;
        this.zone = zone;
    }

    static CronTimes parse(String expression, ZoneId zone) {
        int fields = expression.trim().split("\\s+").length;
        if (fields < 5 || fields > 7) {
            throw new IllegalArgumentException("cron '" + expression + "' has " + fields + " field(s): expected 5"
                    + " (Unix: minute hour day month weekday) or 6-7 (Quartz: second minute hour day month weekday"
                    + " [year])");
        }
        try {
            CronParser parser = fields == 5 ? UNIX : QUARTZ;
            return new CronTimes(ExecutionTime.forCron(parser.parse(expression).validate()), zone);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("cron '" + expression + "': " + e.getMessage(), e);
        }
    }

    @Override
    public ZonedDateTime after(ZonedDateTime time) {
        return times.nextExecution(time.withZoneSameInstant(zone)).orElse(null);
    }
}
