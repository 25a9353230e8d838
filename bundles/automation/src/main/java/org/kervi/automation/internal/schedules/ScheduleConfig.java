package org.kervi.automation.internal.schedules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kervi scheduled action", description = "Starts an action at the times given by"
        + " 'every' (with 'at' and 'until') or by 'cron'; one configuration per schedule. Listed by kervi:schedules.")
public @interface ScheduleConfig {
    @AttributeDefinition(description = "The schedule's id, shown by kervi:schedules")
    String id();

    @AttributeDefinition(description = "Id of the action to start (local or in another instance)")
    String action();

    @AttributeDefinition(required = false, description = "Arguments of the action, as typed in the shell")
    String[] arguments() default {};

    @AttributeDefinition(required = false, description = "How often: 'second', 'minute', 'hour', 'day', or a"
            + " count and a unit: '10 minutes', '2 hours'. Give this or 'cron'")
    String every() default "";

    @AttributeDefinition(required = false, description = "Where in the period: ':30' (second, for minutes), ':15'"
            + " or '15:30' (for hours), '06:30' or '06:30:15' (for days)")
    String at() default "";

    @AttributeDefinition(required = false, description = "Interrupt a run still going at this time, written like"
            + " 'at' (Kervi's until)")
    String until() default "";

    @AttributeDefinition(required = false, description = "A cron expression: Quartz with seconds ('0 30 6 ? *"
            + " MON-FRI') or Unix with 5 fields ('30 6 * * 1-5'). Give this or 'every'")
    String cron() default "";

    @AttributeDefinition(required = false, description = "Interrupt a run still going after this many seconds"
            + " (any schedule, cron included); 0: no limit")
    long interruptAfterSeconds() default 0;

    @AttributeDefinition(required = false, description = "Time zone of the times, like Europe/Copenhagen or UTC;"
            + " empty: the instance's zone")
    String zone() default "";
}
