package org.kervi.automation.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.Registration;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleInfo;

class ScheduleEngineTest {
    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    private final ManualScheduleClock clock = new ManualScheduleClock(Instant.parse("2026-03-27T12:00:00Z"));
    private final RecordingActions actions = new RecordingActions(clock);
    private final RecordingUserLog userLog = new RecordingUserLog();

    @TempDir
    Path data;

    private ScheduleEngine engine() {
        return new ScheduleEngine(actions, clock, data.resolve("last-fire.properties"), COPENHAGEN, () -> userLog);
    }

    @Test
    void aDailyScheduleCallsItsActionAtTheLocalTimeAcrossTheSpringChange() {
        try (ScheduleEngine engine = engine()) {
            engine.schedule("morning", Schedule.every().day().at("06:30"), "pump.water", 5, "fast");
            assertEquals("2026-03-28T06:30+01:00[Europe/Copenhagen]",
                    engine.schedule("morning").orElseThrow().nextFire().toString());
            clock.advance(Duration.ofDays(3));
            assertEquals(List.of(Instant.parse("2026-03-28T05:30:00Z"), Instant.parse("2026-03-29T04:30:00Z"),
                    Instant.parse("2026-03-30T04:30:00Z")), actions.times());
            assertEquals(List.of(5, "fast"), actions.calls.get(0).arguments());
            ScheduleInfo info = engine.schedule("morning").orElseThrow();
            assertEquals("ok", info.lastResult());
            assertEquals(Instant.parse("2026-03-30T04:30:00Z"), info.lastFire());
            assertEquals(COPENHAGEN, info.zone());
            assertEquals("code", info.source());
        }
    }

    @Test
    void untilInterruptsARunStillGoing() {
        actions.outcome = RecordingActions.Outcome.KEEP_RUNNING;
        try (ScheduleEngine engine = engine()) {
            engine.schedule("burst", Schedule.every().minute().at(":30").until(":35"), "fan.boost");
            clock.advanceTo(Instant.parse("2026-03-27T12:00:34Z"));
            assertEquals(1, actions.calls.size());
            assertEquals("running", engine.schedule("burst").orElseThrow().lastResult());
            clock.advanceTo(Instant.parse("2026-03-27T12:00:35Z"));
            assertTrue(actions.calls.get(0).result().isCancelled());
            assertEquals("interrupted at its end time", engine.schedule("burst").orElseThrow().lastResult());
        }
    }

    @Test
    void aFailedRunIsShownAndTheScheduleGoesOn() {
        actions.outcome = RecordingActions.Outcome.FAIL;
        try (ScheduleEngine engine = engine()) {
            engine.schedule("often", Schedule.every(10).seconds(), "pump.water");
            clock.advance(Duration.ofSeconds(30));
            assertEquals(3, actions.calls.size());
            assertTrue(engine.schedule("often").orElseThrow().lastResult().contains("pump dry"),
                    engine.schedule("often").orElseThrow().lastResult());
        }
    }

    @Test
    void runsMissedWhileTheInstanceWasDownAreReportedNotRun() {
        try (ScheduleEngine engine = engine()) {
            engine.schedule("morning", Schedule.every().day().at("06:30"), "pump.water");
            clock.advance(Duration.ofDays(1));
            assertEquals(1, actions.calls.size());
        }
        // down for three days: 28th 06:30 ran, 29th, 30th and 31st were missed
        clock.jumpTo(Instant.parse("2026-03-31T12:00:00Z"));
        try (ScheduleEngine engine = engine()) {
            engine.schedule("morning", Schedule.every().day().at("06:30"), "pump.water");
            assertEquals(1, actions.calls.size(), "missed runs are not run late");
            ScheduleInfo info = engine.schedule("morning").orElseThrow();
            assertEquals(3, info.missedRuns());
            assertEquals("2026-04-01T06:30+02:00[Europe/Copenhagen]", info.nextFire().toString());
            assertEquals(List.of("WARNING morning: missed 3 run(s) of action pump.water (every day at 06:30,"
                    + " Europe/Copenhagen) while the instance was down: first due 2026-03-29T06:30, last due"
                    + " 2026-03-31T06:30; missed runs are not run late"), userLog.lines);
        }
    }

    @Test
    void aRestartBeforeTheNextFireTimeMissesNothing() {
        try (ScheduleEngine engine = engine()) {
            engine.schedule("morning", Schedule.every().day().at("06:30"), "pump.water");
            clock.advance(Duration.ofDays(1));
        }
        clock.jumpTo(Instant.parse("2026-03-29T04:00:00Z"));
        try (ScheduleEngine engine = engine()) {
            engine.schedule("morning", Schedule.every().day().at("06:30"), "pump.water");
            assertEquals(0, engine.schedule("morning").orElseThrow().missedRuns());
            assertEquals(List.of(), userLog.lines);
        }
    }

    @Test
    void aScheduleChangedWhileDownStartsAfresh() {
        try (ScheduleEngine engine = engine()) {
            engine.schedule("morning", Schedule.every().day().at("06:30"), "pump.water");
            clock.advance(Duration.ofDays(1));
        }
        clock.jumpTo(Instant.parse("2026-03-31T12:00:00Z"));
        try (ScheduleEngine engine = engine()) {
            engine.schedule("morning", Schedule.every().day().at("07:00"), "pump.water");
            assertEquals(0, engine.schedule("morning").orElseThrow().missedRuns());
        }
    }

    @Test
    void aClockThatJumpsWhileRunningReportsTheGap() {
        try (ScheduleEngine engine = engine()) {
            engine.schedule("tick", Schedule.every().second(), "probe.tick");
            clock.advance(Duration.ofSeconds(3));
            assertEquals(3, actions.calls.size());
            clock.jumpTo(clock.now().plusSeconds(60)); // suspended: the timer wakes a minute late
            clock.advance(Duration.ofMillis(1));
            assertEquals(4, actions.calls.size(), "the late run is the one that woke; the rest are missed");
            assertEquals(59, engine.schedule("tick").orElseThrow().missedRuns(), "due at +5 s to +63 s");
            assertTrue(userLog.lines.get(0).contains("while the instance was suspended or too busy"), userLog.lines
                    .toString());
        }
    }

    @Test
    void closingTheRegistrationStopsTheSchedule() {
        try (ScheduleEngine engine = engine()) {
            Registration r = engine.schedule("tick", Schedule.every().second(), "probe.tick");
            clock.advance(Duration.ofSeconds(2));
            r.close();
            clock.advance(Duration.ofSeconds(5));
            assertEquals(2, actions.calls.size());
            assertEquals(List.of(), engine.schedules());
        }
    }

    @Test
    void wrongSchedulesAreRefusedNamingTheId() {
        try (ScheduleEngine engine = engine()) {
            engine.schedule("tick", Schedule.every().second(), "probe.tick");
            IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                    () -> engine.schedule("tick", Schedule.every().minute(), "probe.tick"));
            assertEquals("schedule tick: the id is taken (by code)", taken.getMessage());
            IllegalArgumentException cron = assertThrows(IllegalArgumentException.class,
                    () -> engine.schedule("nightly", Schedule.cron("0 0 25 * * ?"), "probe.tick"));
            assertTrue(cron.getMessage().startsWith("schedule nightly: cron '0 0 25 * * ?': "), cron.getMessage());
            assertThrows(IllegalArgumentException.class, () -> engine.schedule(" ", Schedule.every().second(), "a"));
            assertEquals(1, engine.schedules().size());
        }
    }
}
