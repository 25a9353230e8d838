package org.kervi.api.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void atPlacesTheRunInsideTheUnitsPeriod() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), Schedule.every().minute().at(":30").at());
        assertEquals(Optional.of(Duration.ofMinutes(15)), Schedule.every().hour().at(":15").at());
        assertEquals(Optional.of(Duration.ofSeconds(15 * 60 + 30)), Schedule.every().hour().at("15:30").at());
        assertEquals(Optional.of(Duration.ofHours(6).plusMinutes(30)), Schedule.every().day().at("06:30").at());
        assertEquals(Optional.of(Duration.ofSeconds(6 * 3600 + 30 * 60 + 15)),
                Schedule.every().day().at("06:30:15").at());
    }

    @Test
    void untilIsTheRunLimitFromAtWrappingOverThePeriod() {
        // Kervi: run_every().minute.at(":30").until(":35")
        assertEquals(Optional.of(Duration.ofSeconds(5)), Schedule.every().minute().at(":30").until(":35").runLimit());
        assertEquals(Optional.of(Duration.ofHours(2)), Schedule.every().day().at("23:00").until("01:00").runLimit());
        assertEquals(Optional.of(Duration.ofMinutes(10)), Schedule.every().hour().until(":10").runLimit());
        assertEquals(Optional.empty(), Schedule.every().day().at("06:30").runLimit());
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                Schedule.cron("0 0 * * * ?").interruptAfter(Duration.ofSeconds(90)).runLimit());
    }

    @Test
    void untilAtTheStartTimeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Schedule.every().day().at("06:30").until("06:30").runLimit());
        assertTrue(e.getMessage().contains("until(\"06:30\")"), e.getMessage());
    }

    @Test
    void badTimesSayWhatWasExpected() {
        IllegalArgumentException dayFormat = assertThrows(IllegalArgumentException.class,
                () -> Schedule.every().day().at("6.30"));
        assertEquals("at(\"6.30\") for a schedule of days: expected \"HH:MM\" or \"HH:MM:SS\" (time of day, like"
                + " \"06:30\")", dayFormat.getMessage());
        IllegalArgumentException hour = assertThrows(IllegalArgumentException.class,
                () -> Schedule.every().day().at("25:00"));
        assertEquals("at(\"25:00\"): 25 is out of range (0-23)", hour.getMessage());
        IllegalArgumentException minuteUnit = assertThrows(IllegalArgumentException.class,
                () -> Schedule.every().minute().at("06:30"));
        assertTrue(minuteUnit.getMessage().contains("\":SS\""), minuteUnit.getMessage());
        IllegalArgumentException seconds = assertThrows(IllegalArgumentException.class,
                () -> Schedule.every(5).seconds().at(":01"));
        assertTrue(seconds.getMessage().startsWith("at() needs minutes, hours or days"), seconds.getMessage());
        IllegalArgumentException cron = assertThrows(IllegalArgumentException.class,
                () -> Schedule.cron("0 0 * * * ?").until("07:00"));
        assertTrue(cron.getMessage().startsWith("until() does not apply to a cron schedule"), cron.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedule.every(0).minutes());
        assertThrows(IllegalArgumentException.class, () -> Schedule.cron(" "));
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class,
                () -> Schedule.every().day().zone("Mars/Olympus"));
        assertTrue(zone.getMessage().startsWith("zone: 'Mars/Olympus' is not a time zone"), zone.getMessage());
    }

    @Test
    void describesItselfLikeItWasWritten() {
        assertEquals("every 10 minutes", Schedule.every(10).minutes().describe());
        assertEquals("every day at 06:30 until 07:00", Schedule.every().day().at("06:30").until("07:00").describe());
        assertEquals("cron 0 30 6 ? * MON-FRI", Schedule.cron(" 0 30  6 ? * MON-FRI ").describe());
        assertEquals("every minute at :30 (UTC)", Schedule.every().minute().at(":30").zone(ZoneId.of("UTC"))
                .toString());
        assertEquals(Schedule.every().day().at("06:30"), Schedule.every().day().at("06:30"));
    }
}
