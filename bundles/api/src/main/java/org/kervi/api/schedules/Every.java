package org.kervi.api.schedules;

/**
 * The unit after {@link Schedule#every()} or {@link Schedule#every(int)}: {@code every().day()},
 * {@code every(10).minutes()}. Singular and plural read the same; they differ only for the reader.
 */
public final class Every {
    private final int count;

    Every(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("every(" + count + "): the count must be 1 or more");
        }
        this.count = count;
    }

    Schedule unitOf(ScheduleUnit unit) {
        return Schedule.unit(count, unit);
    }

    public Schedule second() {
        return seconds();
    }

    public Schedule seconds() {
        return Schedule.unit(count, ScheduleUnit.SECOND);
    }

    public Schedule minute() {
        return minutes();
    }

    public Schedule minutes() {
        return Schedule.unit(count, ScheduleUnit.MINUTE);
    }

    public Schedule hour() {
        return hours();
    }

    public Schedule hours() {
        return Schedule.unit(count, ScheduleUnit.HOUR);
    }

    public Schedule day() {
        return days();
    }

    public Schedule days() {
        return Schedule.unit(count, ScheduleUnit.DAY);
    }
}
