package org.kervi.automation.internal.userlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.userlog.UserLogLevel;

class RateLimiterTest {

    @Test
    void admitsUpToTheLimitPerSourceAndLevelThenCountsTheRest() {
        RateLimiter limiter = new RateLimiter(3, 60_000);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.admit("temp", UserLogLevel.WARNING, 1000 + i));
        }
        assertFalse(limiter.admit("temp", UserLogLevel.WARNING, 1010));
        assertFalse(limiter.admit("temp", UserLogLevel.WARNING, 1020));
        assertTrue(limiter.admit("temp", UserLogLevel.INFO, 1030), "another level has its own window");
        assertTrue(limiter.admit("fan", UserLogLevel.WARNING, 1040), "another source has its own window");
        assertEquals(List.of(), limiter.ended(60_999), "the window has not ended yet");
        List<RateLimiter.Suppressed> ended = limiter.ended(61_000);
        assertEquals(1, ended.size());
        assertEquals("2 more warning entries from temp suppressed (rate limit: 3 per 60 s)", ended.get(0).message());
        assertTrue(limiter.admit("temp", UserLogLevel.WARNING, 61_001), "a new window admits again");
    }

    @Test
    void aWindowThatRollsOnTheNextEntryStillReportsWhatItSuppressed() {
        RateLimiter limiter = new RateLimiter(1, 1000);
        assertTrue(limiter.admit("s", UserLogLevel.ERROR, 0));
        assertFalse(limiter.admit("s", UserLogLevel.ERROR, 10));
        assertTrue(limiter.admit("s", UserLogLevel.ERROR, 1000));
        List<RateLimiter.Suppressed> ended = limiter.ended(1001);
        assertEquals(1, ended.size());
        assertEquals("1 more error entry from s suppressed (rate limit: 1 per 1 s)", ended.get(0).message());
    }

    @Test
    void nothingSuppressedReportsNothing() {
        RateLimiter limiter = new RateLimiter(5, 1000);
        limiter.admit("s", UserLogLevel.INFO, 0);
        assertEquals(List.of(), limiter.ended(5000));
    }
}
