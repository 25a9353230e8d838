package org.kervi.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

class RateLimitTest {
    private static final Instant T0 = Instant.parse("2026-12-05T06:00:00Z");
    private final RateLimit limit = new RateLimit(3, Duration.ofMinutes(1));

    @Test
    void sendsUpToTheLimitPerWindowAndSummarisesTheRestWhenTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryAcquire(entry(UserLogLevel.WARNING, "flap " + i), T0.plusSeconds(i)), "entry " + i);
        }
        assertFalse(limit.tryAcquire(entry(UserLogLevel.WARNING, "flap 3"), T0.plusSeconds(10)));
        assertFalse(limit.tryAcquire(entry(UserLogLevel.ERROR, "flap 4"), T0.plusSeconds(20)));
        assertFalse(limit.tryAcquire(entry(UserLogLevel.WARNING, "flap 5"), T0.plusSeconds(59)));
        assertEquals(T0.plusSeconds(60), limit.windowEnd());
        assertTrue(limit.takeSummaryDue(T0.plusSeconds(59)).isEmpty(), "no summary before the window ends");

        RateLimit.Suppressed held = limit.takeSummaryDue(T0.plusSeconds(60)).orElseThrow();
        assertEquals(3, held.count());
        assertEquals("flap 3", held.first().message());
        assertEquals("flap 5", held.last().message());
        assertEquals(UserLogLevel.ERROR, held.highest());
        assertTrue(limit.takeSummaryDue(T0.plusSeconds(61)).isEmpty(), "one summary per window");
        assertFalse(limit.hasPending());
    }

    @Test
    void aNewWindowStartsWithTheFirstMessageAfterTheLastOneEnded() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryAcquire(entry(UserLogLevel.INFO, "a" + i), T0));
        }
        assertFalse(limit.tryAcquire(entry(UserLogLevel.INFO, "held"), T0.plusSeconds(30)));
        Instant later = T0.plusSeconds(300);
        assertTrue(limit.tryAcquire(entry(UserLogLevel.INFO, "b"), later));
        assertEquals(later.plusSeconds(60), limit.windowEnd());
        assertTrue(limit.hasPending(), "what the old window held back is still to be reported");
        assertEquals(1, limit.takeSummaryDue(later.plusSeconds(60)).orElseThrow().count());
    }

    @Test
    void describesItselfAsOperatorsWriteIt() {
        assertEquals("3 per 60 s", limit.describe());
        assertEquals("10 per 60 s", new RateLimit(10, Duration.ofSeconds(60)).describe());
        assertEquals("5 per 5 min", new RateLimit(5, Duration.ofMinutes(5)).describe());
        assertEquals("1 per 1 h", new RateLimit(1, Duration.ofHours(1)).describe());
    }

    private static UserLogEntry entry(UserLogLevel level, String message) {
        return new UserLogEntry(T0, level, "fan.temperature", "root", message);
    }
}
