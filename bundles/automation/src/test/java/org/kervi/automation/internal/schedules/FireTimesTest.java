package org.kervi.automation.internal.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.schedules.Schedule;

class FireTimesTest {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    @Test
    void dailyAtKeepsTheLocalTimeAcrossBothDstChanges() {
        FireTimes times = FireTimes.of(Schedule.every().day().at("06:30"), COPENHAGEN);
        // 2026-03-29: clocks go 02:00 -> 03:00; 2026-10-25: 03:00 -> 02:00
        assertEquals(List.of("2026-03-28T06:30+01:00[Europe/Copenhagen]", "2026-03-29T06:30+02:00[Europe/Copenhagen]",
                "2026-03-30T06:30+02:00[Europe/Copenhagen]"), next(times, "2026-03-27T12:00+01:00[Europe/Copenhagen]", 3));
        assertEquals(List.of("2026-10-24T06:30+02:00[Europe/Copenhagen]", "2026-10-25T06:30+01:00[Europe/Copenhagen]"),
                next(times, "2026-10-23T12:00+02:00[Europe/Copenhagen]", 2));
    }

    @Test
    void aTimeInTheSkippedHourRunsOnceThatDayAndTheRepeatedHourRunsOnce() {
        FireTimes skipped = FireTimes.of(Schedule.every().day().at("02:30"), COPENHAGEN);
        List<String> spring = next(skipped, "2026-03-28T12:00+01:00[Europe/Copenhagen]", 2);
        // 02:30 does not exist on 2026-03-29: cron would skip the day; it runs just after the gap instead
        assertEquals(List.of("2026-03-29T03:30+02:00[Europe/Copenhagen]", "2026-03-30T02:30+02:00[Europe/Copenhagen]"),
                spring);

        FireTimes repeated = FireTimes.of(Schedule.every().day().at("02:30"), COPENHAGEN);
        List<String> autumn = next(repeated, "2026-10-24T12:00+02:00[Europe/Copenhagen]", 2);
        assertEquals(List.of("2026-10-25T02:30+02:00[Europe/Copenhagen]", "2026-10-26T02:30+01:00[Europe/Copenhagen]"),
                autumn);
    }

    @Test
    void everyTenMinutesIsAlignedToTheClock() {
        FireTimes times = FireTimes.of(Schedule.every(10).minutes(), ZoneId.of("UTC"));
        assertEquals(List.of("2026-12-05T06:10Z[UTC]", "2026-12-05T06:20Z[UTC]"),
                next(times, "2026-12-05T06:03:17Z[UTC]", 2));
        assertEquals(List.of("2026-12-05T06:20Z[UTC]"), next(times, "2026-12-05T06:10Z[UTC]", 1));
    }

    @Test
    void everyMinuteAtSecondThirty() {
        FireTimes times = FireTimes.of(Schedule.every().minute().at(":30"), COPENHAGEN);
        assertEquals(List.of("2026-12-05T07:00:30+01:00[Europe/Copenhagen]",
                "2026-12-05T07:01:30+01:00[Europe/Copenhagen]"),
                next(times, "2026-12-05T07:00:00+01:00[Europe/Copenhagen]", 2));
    }

    @Test
    void everyHourAtAMinuteFollowsTheZone() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        FireTimes times = FireTimes.of(Schedule.every().hour().at(":15"), kolkata);
        assertEquals(List.of("2026-12-05T10:15+05:30[Asia/Kolkata]", "2026-12-05T11:15+05:30[Asia/Kolkata]"),
                next(times, "2026-12-05T10:00+05:30[Asia/Kolkata]", 2));
    }

    @Test
    void quartzAndUnixCron() {
        FireTimes weekdays = FireTimes.of(Schedule.cron("0 30 6 ? * MON-FRI"), COPENHAGEN);
        // 2026-12-05 is a Saturday
        assertEquals(List.of("2026-12-07T06:30+01:00[Europe/Copenhagen]"),
                next(weekdays, "2026-12-05T00:00+01:00[Europe/Copenhagen]", 1));
        FireTimes unix = FireTimes.of(Schedule.cron("*/15 * * * *"), ZoneId.of("UTC"));
        assertEquals(List.of("2026-12-05T06:15Z[UTC]", "2026-12-05T06:30Z[UTC]"),
                next(unix, "2026-12-05T06:01Z[UTC]", 2));
    }

    @Test
    void badCronSaysWhy() {
        IllegalArgumentException fields = assertThrows(IllegalArgumentException.class,
                () -> FireTimes.of(Schedule.cron("* *"), COPENHAGEN));
        assertTrue(fields.getMessage().startsWith("cron '* *' has 2 field(s): expected 5"), fields.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> FireTimes.of(Schedule.cron("0 61 * * * ?"), COPENHAGEN));
        assertTrue(value.getMessage().startsWith("cron '0 61 * * * ?': "), value.getMessage());
    }

    private static List<String> next(FireTimes times, String from, int count) {
        List<String> out = new ArrayList<>();
        ZonedDateTime t = ZonedDateTime.parse(from);
        for (int i = 0; i < count; i++) {
            t = times.after(t);
            out.add(t.toString());
        }
        return out;
    }
}
