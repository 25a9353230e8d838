package org.kervi.api.schedules;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a scheduled action runs: {@code Schedule.every().day().at("06:30")}, {@code Schedule.every(10).minutes()},
 * {@code Schedule.cron("0 30 6 ? * MON-FRI")}, each optionally with {@link #until(String)} (Kervi's
 * {@code run_every().minute.at(":30").until(":35")}: the run is interrupted at that time) and a {@link #zone(ZoneId)}
 * (default: the instance's zone). Immutable: every method returns a new schedule. Wrong input throws an
 * {@link IllegalArgumentException} that names what was wrong.
 *
 * <p>{@code every(n).seconds()} and {@code every(n).minutes()} are counted from the epoch, so {@code every(10).minutes()}
 * runs at :00, :10, :20 ... whenever it was registered; hours and days follow the calendar of the zone (like cron:
 * {@code every(5).hours()} runs at 00, 05, 10, 15 and 20 h, {@code every(2).days()} on odd days of the month).
 */
public final class Schedule {
    private static final Pattern COLON_NUMBER = Pattern.compile(":(\\d{2})");
    private static final Pattern TWO_NUMBERS = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern THREE_NUMBERS = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})");

    private final int count;
    private final ScheduleUnit unit;
    private final String cron;
    private final String atText;
    private final Duration at;
    private final String untilText;
    private final Duration until;
    private final Duration interruptAfter;
    private final ZoneId zone;

    private Schedule(int count, ScheduleUnit unit, String cron, String atText, Duration at, String untilText,
            Duration until, Duration interruptAfter, ZoneId zone) {
        this.count = count;
        this.unit = unit;
        this.cron = cron;
        this.atText = atText;
        this.at = at;
        this.untilText = untilText;
        this.until = until;
        this.interruptAfter = interruptAfter;
        this.zone = zone;
    }

    /** Every unit: {@code every().day()}. */
    public static Every every() {
        return new Every(1);
    }

    /** Every {@code count} units: {@code every(10).minutes()}. */
    public static Every every(int count) {
        return new Every(count);
    }

    /** The same as {@code every(count)} followed by the unit's method. */
    public static Schedule of(int count, ScheduleUnit unit) {
        return new Every(count).unitOf(Objects.requireNonNull(unit, "unit"));
    }

    /**
     * A cron expression: Quartz style with seconds ({@code "0 30 6 ? * MON-FRI"}, 6 or 7 fields) or Unix style
     * ({@code "30 6 * * 1-5"}, 5 fields). It is checked when the schedule is registered.
     */
    public static Schedule cron(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("cron: the expression is empty");
        }
        return new Schedule(0, null, expression.trim().replaceAll("\\s+", " "), null, null, null, null, null, null);
    }

    static Schedule unit(int count, ScheduleUnit unit) {
        return new Schedule(count, unit, null, null, null, null, null, null, null);
    }

    /**
     * Where in the period the run starts: {@code ":30"} (second 30) for minutes, {@code ":15"} or {@code "15:30"}
     * (minute, minute:second) for hours, {@code "06:30"} or {@code "06:30:15"} for days.
     */
    public Schedule at(String time) {
        ScheduleUnit u = calendarUnit("at");
        Duration offset = offsetIn(u, "at", time);
        return new Schedule(count, unit, null, time.trim(), offset, untilText, until, interruptAfter, zone);
    }

    /**
     * Interrupts a run still going at this time, written like {@link #at(String)}: {@code every().day().at("06:00")
     * .until("07:00")} runs at 06:00 and interrupts at 07:00 (the next 07:00 after the start).
     */
    public Schedule until(String time) {
        ScheduleUnit u = calendarUnit("until");
        Duration offset = offsetIn(u, "until", time);
        return new Schedule(count, unit, null, atText, at, time.trim(), offset, null, zone);
    }

    /** Interrupts a run still going this long after it started; for any schedule, cron included. */
    public Schedule interruptAfter(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("interruptAfter: the duration must be positive, not " + duration);
        }
        return new Schedule(count, unit, cron, atText, at, null, null, duration, zone);
    }

    /** The time zone the schedule's times are in; without it the instance's zone. */
    public Schedule zone(ZoneId zone) {
        return new Schedule(count, unit, cron, atText, at, untilText, until, interruptAfter,
                Objects.requireNonNull(zone, "zone"));
    }

    /** {@link #zone(ZoneId)} by name ({@code "Europe/Copenhagen"}, {@code "UTC"}). */
    public Schedule zone(String zoneName) {
        try {
            return zone(ZoneId.of(zoneName.trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("zone: '" + zoneName + "' is not a time zone (like Europe/Copenhagen"
                    + " or UTC): " + e.getMessage(), e);
        }
    }

    /** The unit of an {@code every} schedule; empty for cron. */
    public Optional<ScheduleUnit> unit() {
        return Optional.ofNullable(unit);
    }

    /** How many units apart the runs are (0 for cron). */
    public int count() {
        return count;
    }

    /** The cron expression, normalised to single spaces; empty for an {@code every} schedule. */
    public Optional<String> cronExpression() {
        return Optional.ofNullable(cron);
    }

    /** The offset of {@link #at(String)} from the start of the unit's period; empty when not given. */
    public Optional<Duration> at() {
        return Optional.ofNullable(at);
    }

    /** How long a run may go before it is interrupted ({@code until} or {@code interruptAfter}); empty: no limit. */
    public Optional<Duration> runLimit() {
        if (interruptAfter != null) {
            return Optional.of(interruptAfter);
        }
        if (until == null) {
            return Optional.empty();
        }
        Duration period = unit.length();
        Duration start = at == null ? Duration.ZERO : at;
        Duration limit = until.minus(start);
        if (limit.isNegative()) {
            limit = limit.plus(period);
        }
        if (limit.isZero()) {
            throw new IllegalArgumentException("until(\"" + untilText + "\") is the start time itself: the run would"
                    + " be interrupted as it starts");
        }
        return Optional.of(limit);
    }

    /** The zone given with {@link #zone(ZoneId)}; empty: the instance's zone. */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    /** {@code every 10 minutes}, {@code every day at 06:30 until 07:00}, {@code cron 0 30 6 * * ?}; no zone. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (cron != null) {
            s.append("cron ").append(cron);
        } else {
            String name = unit.name().toLowerCase(Locale.ROOT);
            s.append("every ").append(count == 1 ? name : count + " " + name + "s");
            if (atText != null) {
                s.append(" at ").append(atText);
            }
        }
        if (untilText != null) {
            s.append(" until ").append(untilText);
        }
        if (interruptAfter != null) {
            s.append(" interrupt after ").append(interruptAfter.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return zone == null ? describe() : describe() + " (" + zone + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && toString().equals(s.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    private ScheduleUnit calendarUnit(String method) {
        if (cron != null) {
            throw new IllegalArgumentException(method + "() does not apply to a cron schedule: put the time in the"
                    + " expression (use interruptAfter for a run limit)");
        }
        if (unit == ScheduleUnit.SECOND) {
            throw new IllegalArgumentException(method + "() needs minutes, hours or days: a run every " + count
                    + " second(s) has no time inside its period");
        }
        return unit;
    }

    private static Duration offsetIn(ScheduleUnit unit, String method, String time) {
        String t = time == null ? "" : time.trim();
        Matcher colon = COLON_NUMBER.matcher(t);
        Matcher two = TWO_NUMBERS.matcher(t);
        Matcher three = THREE_NUMBERS.matcher(t);
        long seconds;
        String expected;
        switch (unit) {
            case MINUTE -> {
                expected = "\":SS\" (second of the minute, like \":30\")";
                seconds = colon.matches() ? below(60, colon.group(1), method, t) : -1;
            }
            case HOUR -> {
                expected = "\":MM\" or \"MM:SS\" (minute of the hour, like \":15\" or \"15:30\")";
                seconds = colon.matches() ? 60 * below(60, colon.group(1), method, t)
                        : two.matches() ? 60 * below(60, two.group(1), method, t) + below(60, two.group(2), method, t)
                        : -1;
            }
            default -> {
                expected = "\"HH:MM\" or \"HH:MM:SS\" (time of day, like \"06:30\")";
                seconds = two.matches() ? 3600 * below(24, two.group(1), method, t)
                        + 60 * below(60, two.group(2), method, t)
                        : three.matches() ? 3600 * below(24, three.group(1), method, t)
                        + 60 * below(60, three.group(2), method, t) + below(60, three.group(3), method, t)
                        : -1;
            }
        }
        if (seconds < 0) {
            throw new IllegalArgumentException(method + "(\"" + t + "\") for a schedule of " + unit.name()
                    .toLowerCase(Locale.ROOT) + "s: expected " + expected);
        }
        return Duration.ofSeconds(seconds);
    }

    private static long below(int limit, String digits, String method, String text) {
        int n = Integer.parseInt(digits);
        if (n >= limit) {
            throw new IllegalArgumentException(method + "(\"" + text + "\"): " + n + " is out of range (0-"
                    + (limit - 1) + ")");
        }
        return n;
    }
}
