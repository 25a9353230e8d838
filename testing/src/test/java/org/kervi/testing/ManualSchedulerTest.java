package org.kervi.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private static final Instant START = Instant.parse("2026-03-01T06:00:00Z");
    private final ManualScheduler scheduler = new ManualScheduler(START, ZoneOffset.UTC);

    @Test
    void tasksRunInDueOrderAtTheirDueTime() {
        List<String> runs = new ArrayList<>();
        scheduler.schedule(() -> runs.add("b@" + scheduler.now()), 2, TimeUnit.SECONDS);
        scheduler.schedule(() -> runs.add("a@" + scheduler.now()), 1, TimeUnit.SECONDS);
        scheduler.schedule(() -> runs.add("c@" + scheduler.now()), 2, TimeUnit.SECONDS);

        scheduler.advance(Duration.ofMillis(999));
        assertEquals(List.of(), runs, "nothing is due before its time");
        scheduler.advance(Duration.ofSeconds(5));

        assertEquals(List.of("a@2026-03-01T06:00:01Z", "b@2026-03-01T06:00:02Z", "c@2026-03-01T06:00:02Z"), runs,
                "due order; same due time in the order scheduled");
        assertEquals(START.plusMillis(5_999), scheduler.now(), "time ends where the advance said");
    }

    @Test
    void aTaskScheduledOnTheWayRunsInTheSameAdvanceWhenItFallsDue() {
        List<Instant> polls = new ArrayList<>();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            polls.add(scheduler.now());
            scheduler.schedule(poll[0], 1, TimeUnit.SECONDS);
        };
        scheduler.execute(poll[0]);

        scheduler.advance(Duration.ofSeconds(3));

        assertEquals(List.of(START, START.plusSeconds(1), START.plusSeconds(2), START.plusSeconds(3)), polls);
    }

    @Test
    void periodicTasksRepeatUntilCancelled() {
        List<Instant> ticks = new ArrayList<>();
        ScheduledFuture<?> tick = scheduler.scheduleAtFixedRate(() -> ticks.add(scheduler.now()), 10, 10,
                TimeUnit.SECONDS);

        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(3, ticks.size());
        assertTrue(tick.cancel(false));
        scheduler.advance(Duration.ofMinutes(5));

        assertEquals(List.of(START.plusSeconds(10), START.plusSeconds(20), START.plusSeconds(30)), ticks);
        assertTrue(tick.isCancelled());
        assertEquals(0, scheduler.pending());
    }

    @Test
    void resultsAndFailuresComeBackThroughTheFuture() throws Exception {
        ScheduledFuture<String> answer = scheduler.schedule(() -> "42", 1, TimeUnit.MINUTES);
        ScheduledFuture<Object> failing = scheduler.schedule(() -> {
            throw new IllegalStateException("sensor gone");
        }, 1, TimeUnit.MINUTES);

        IllegalStateException early = assertThrows(IllegalStateException.class, answer::get);
        assertTrue(early.getMessage().contains("advance the test's scheduler"), early.getMessage());
        assertEquals(60, answer.getDelay(TimeUnit.SECONDS));

        scheduler.advance(Duration.ofMinutes(1));

        assertEquals("42", answer.get());
        ExecutionException failure = assertThrows(ExecutionException.class, failing::get);
        assertEquals("sensor gone", failure.getCause().getMessage());
    }

    @Test
    void timeOnlyMovesForward() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> scheduler.advance(Duration.ofSeconds(-1)));
        assertTrue(e.getMessage().contains("only moves forward"), e.getMessage());
        assertEquals(START, scheduler.now());
    }

    @Test
    void theClockShowsTheVirtualTimeInItsZone() {
        scheduler.advance(Duration.ofHours(1));
        ZoneId oslo = ZoneId.of("Europe/Oslo");

        assertEquals(START.plusSeconds(3600), scheduler.clock().instant());
        assertEquals(ZoneOffset.UTC, scheduler.clock().getZone());
        assertEquals(oslo, scheduler.clock().withZone(oslo).getZone());
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(START.plusSeconds(3660), scheduler.clock().withZone(oslo).instant());
    }

    @Test
    void aShutDownSchedulerRunsNothingAndTakesNothing() {
        List<String> runs = new ArrayList<>();
        scheduler.schedule(() -> runs.add("late"), 1, TimeUnit.SECONDS);

        assertEquals(1, scheduler.shutdownNow().size());
        scheduler.advance(Duration.ofSeconds(2));

        assertEquals(List.of(), runs);
        assertTrue(scheduler.isShutdown());
        assertThrows(RejectedExecutionException.class, () -> scheduler.execute(() -> runs.add("after")));
        assertFalse(runs.contains("after"));
    }

    @Test
    void aTaskThatReschedulesItselfWithNoDelayIsStoppedWithAReason() {
        Runnable[] spin = new Runnable[1];
        spin[0] = () -> scheduler.execute(spin[0]);
        scheduler.execute(spin[0]);

        IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::runDue);
        assertTrue(e.getMessage().contains("reschedules itself with no delay"), e.getMessage());
    }
}
