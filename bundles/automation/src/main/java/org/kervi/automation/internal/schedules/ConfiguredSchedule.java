package org.kervi.automation.internal.schedules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleUnit;

/**
 * A schedule read from one {@link ScheduleConfig}. Every problem names the pid and the field, and all of them are
 * reported at once.
 */
record ConfiguredSchedule(String id, String actionId, List<String> arguments, Schedule schedule) {
    private static final Pattern EVERY = Pattern.compile("(?:(\\d{1,9})\\s*)?(second|minute|hour|day)s?");

    static ConfiguredSchedule from(ScheduleConfig config, String pid) {
        List<String> problems = new ArrayList<>();
        String id = trimmed(config.id());
        String action = trimmed(config.action());
        if (id.isEmpty()) {
            problems.add("id: missing");
        }
        if (action.isEmpty()) {
            problems.add("action: missing");
        }
        Schedule schedule = null;
        try {
            schedule = timesOf(config);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(pid + ": " + String.join("; ", problems));
        }
        return new ConfiguredSchedule(id, action, List.of(config.arguments()), schedule);
    }

    /** The configured times as one line, for the listing of a refused configuration. */
    static String text(ScheduleConfig config) {
        StringBuilder s = new StringBuilder();
        append(s, "every", config.every());
        append(s, "at", config.at());
        append(s, "until", config.until());
        append(s, "cron", config.cron());
        append(s, "zone", config.zone());
        return s.toString().trim();
    }

    private static Schedule timesOf(ScheduleConfig config) {
        String every = trimmed(config.every()).toLowerCase(Locale.ROOT);
        String cron = trimmed(config.cron());
        if (every.isEmpty() == cron.isEmpty()) {
            throw new IllegalArgumentException(every.isEmpty() ? "every/cron: give one of them"
                    : "every/cron: give one of them, not both");
        }
        Schedule schedule;
        if (!cron.isEmpty()) {
            schedule = Schedule.cron(cron);
            if (!trimmed(config.at()).isEmpty() || !trimmed(config.until()).isEmpty()) {
                throw new IllegalArgumentException("at/until: not for a cron schedule (put the time in 'cron', the"
                        + " run limit in 'interruptAfterSeconds')");
            }
        } else {
            Matcher m = EVERY.matcher(every);
            if (!m.matches()) {
                throw new IllegalArgumentException("every: '" + config.every() + "' is not a unit or a count and a"
                        + " unit (second, minute, hour, day; '10 minutes')");
            }
            int count = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
            if (count < 1) {
                throw new IllegalArgumentException("every: the count must be 1 or more, not " + count);
            }
            schedule = Schedule.of(count, ScheduleUnit.valueOf(m.group(2).toUpperCase(Locale.ROOT)));
            if (!trimmed(config.at()).isEmpty()) {
                schedule = named("at", schedule, s -> s.at(config.at()));
            }
            if (!trimmed(config.until()).isEmpty()) {
                schedule = named("until", schedule, s -> s.until(config.until()));
            }
        }
        if (config.interruptAfterSeconds() < 0) {
            throw new IllegalArgumentException("interruptAfterSeconds: must be 0 (no limit) or more, not "
                    + config.interruptAfterSeconds());
        }
        if (config.interruptAfterSeconds() > 0) {
            schedule = schedule.interruptAfter(Duration.ofSeconds(config.interruptAfterSeconds()));
        }
        if (!trimmed(config.zone()).isEmpty()) {
            schedule = named("zone", schedule, s -> s.zone(config.zone()));
        }
        return schedule;
    }

    private static Schedule named(String field, Schedule schedule, java.util.function.UnaryOperator<Schedule> change) {
        try {
            return change.apply(schedule);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            return rethrow(message.startsWith(field) ? message : field + ": " + message, e);
        }
    }

    private static Schedule rethrow(String message, IllegalArgumentException cause) {
        throw new IllegalArgumentException(message, cause);
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) {
            s.append(' ').append(name).append('=').append(value.trim());
        }
    }
}
