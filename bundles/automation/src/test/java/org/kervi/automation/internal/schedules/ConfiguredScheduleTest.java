package org.kervi.automation.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kervi.api.schedules.Schedule;

class ConfiguredScheduleTest {
    private static final String PID = "org.kervi.automation.schedule.a1b2";

    @Test
    void everyAtUntilAndZone() {
        ConfiguredSchedule c = ConfiguredSchedule.from(config("morning", "pump.water", "10 minutes", "", "", "",
                0, "UTC", "5, fast"), PID);
        assertEquals("morning", c.id());
        assertEquals("pump.water", c.actionId());
        assertEquals(List.of("5", "fast"), c.arguments());
        assertEquals(Schedule.every(10).minutes().zone(ZoneId.of("UTC")), c.schedule());
        assertEquals(Schedule.every().day().at("06:30").until("07:00"), ConfiguredSchedule.from(config("m",
                "pump.water", "day", "06:30", "07:00", "", 0, ""), PID).schedule());
        assertEquals(Optional.of(Duration.ofSeconds(90)), ConfiguredSchedule.from(config("n", "pump.water", "", "", "",
                "0 0 * * * ?", 90, ""), PID).schedule().runLimit());
    }

    @Test
    void everyProblemNamesThePidAndTheField() {
        assertEquals(PID + ": id: missing; action: missing; every/cron: give one of them", refusal(config("", " ",
                "", "", "", "", 0, "")));
        assertEquals(PID + ": every/cron: give one of them, not both", refusal(config("a", "b", "minute", "", "",
                "0 * * * * ?", 0, "")));
        assertEquals(PID + ": every: '7 fortnights' is not a unit or a count and a unit (second, minute, hour, day;"
                + " '10 minutes')", refusal(config("a", "b", "7 fortnights", "", "", "", 0, "")));
        assertEquals(PID + ": at(\"6.30\") for a schedule of days: expected \"HH:MM\" or \"HH:MM:SS\" (time of day,"
                + " like \"06:30\")", refusal(config("a", "b", "day", "6.30", "", "", 0, "")));
        assertEquals(PID + ": zone: 'Mars/Olympus' is not a time zone (like Europe/Copenhagen or UTC): Unknown time-zone"
                + " ID: Mars/Olympus", refusal(config("a", "b", "day", "", "", "", 0, "Mars/Olympus")));
        assertEquals(PID + ": at/until: not for a cron schedule (put the time in 'cron', the run limit in"
                + " 'interruptAfterSeconds')", refusal(config("a", "b", "", "06:30", "", "0 * * * * ?", 0, "")));
        assertEquals(PID + ": interruptAfterSeconds: must be 0 (no limit) or more, not -5", refusal(config("a", "b",
                "minute", "", "", "", -5, "")));
    }

    @Test
    void theConfiguredTimesAsOneLine() {
        assertEquals("every=day at=06:30 zone=UTC", ConfiguredSchedule.text(config("a", "b", "day", "06:30", "", "",
                0, "UTC")));
    }

    private static String refusal(ScheduleConfig config) {
        return assertThrows(IllegalArgumentException.class, () -> ConfiguredSchedule.from(config, PID)).getMessage();
    }

    private static ScheduleConfig config(String id, String action, String every, String at, String until, String cron,
            long interruptAfterSeconds, String zone, String... arguments) {
        return new ScheduleConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ScheduleConfig.class;
            }

            @Override
            public String id() {
                return id;
            }

            @Override
            public String action() {
                return action;
            }

            @Override
            public String[] arguments() {
                return arguments;
            }

            @Override
            public String every() {
                return every;
            }

            @Override
            public String at() {
                return at;
            }

            @Override
            public String until() {
                return until;
            }

            @Override
            public String cron() {
                return cron;
            }

            @Override
            public long interruptAfterSeconds() {
                return interruptAfterSeconds;
            }

            @Override
            public String zone() {
                return zone;
            }
        };
    }
}
