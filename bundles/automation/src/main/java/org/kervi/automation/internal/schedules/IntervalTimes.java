package org.kervi.automation.internal.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Every {@code period}, counted from the epoch and shifted by {@code offset}: k × period + offset. */
final class IntervalTimes implements FireTimes {
    private final long periodMillis;
    private final long offsetMillis;
    private final ZoneId zone;

    IntervalTimes(Duration period, Duration offset, ZoneId zone) {
        this.periodMillis = period.toMillis();
        this.offsetMillis = offset.toMillis();
        this.zone = zone;
    }

    @Override
    public ZonedDateTime after(ZonedDateTime time) {
        long t = time.toInstant().toEpochMilli() - offsetMillis;
        long k = Math.floorDiv(t, periodMillis) + 1;
        return Instant.ofEpochMilli(k * periodMillis + offsetMillis).atZone(zone);
    }
}
