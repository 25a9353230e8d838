package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final DashboardSettings.LoginLimits LIMITS = new DashboardSettings.LoginLimits(3, 2, 6, 15);
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, now::get);

    @Test
    void anAccountWaitsWhateverAddressTheGuessesComeFrom() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(throttle.admit("karaf", "10.0.0." + i));
        }
        HttpError e = assertThrows(HttpError.class, () -> throttle.admit("karaf", "10.0.0.99"));
        assertEquals(429, e.status());
        assertEquals("too many failed logins for account 'karaf'; try again in 2 s", e.getMessage());
        assertEquals(2, e.retryAfterSeconds());
        throttle.admit("other", "10.0.0.99");
    }

    @Test
    void anAddressWaitsWhateverAccountsItTries() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(throttle.admit("user" + i, "10.0.0.1"));
        }
        HttpError e = assertThrows(HttpError.class, () -> throttle.admit("someone", "10.0.0.1"));
        assertEquals("too many failed logins from 10.0.0.1; try again in 2 s", e.getMessage());
    }

    @Test
    void theWaitDoublesThenLocksOutAndIsForgottenLater() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(throttle.admit("karaf", "a" + i));
        }
        List<Long> waits = new ArrayList<>();
        for (int i = 3; i < 6; i++) {
            HttpError e = assertThrows(HttpError.class, () -> throttle.admit("karaf", "b"));
            waits.add(e.retryAfterSeconds());
            now.addAndGet(e.retryAfterSeconds() * 1000);
            throttle.failed(throttle.admit("karaf", "c" + i));
        }
        assertEquals(List.of(2L, 4L, 8L), waits);
        HttpError locked = assertThrows(HttpError.class, () -> throttle.admit("karaf", "d"));
        assertEquals("locked out after 6 failed logins for account 'karaf'; try again in 900 s", locked.getMessage());
        now.addAndGet(15 * 60_000L + 1);
        throttle.succeeded(throttle.admit("karaf", "d"));
    }

    @Test
    void aSuccessClearsTheAccountAndGivesTheAddressItsAttemptBack() {
        throttle.failed(throttle.admit("karaf", "10.0.0.1"));
        throttle.failed(throttle.admit("karaf", "10.0.0.1"));
        for (int i = 0; i < 10; i++) {
            throttle.succeeded(throttle.admit("karaf", "10.0.0.1"));
        }
        throttle.failed(throttle.admit("karaf", "10.0.0.1"));
        assertThrows(HttpError.class, () -> throttle.admit("karaf", "10.0.0.1"));
    }

    /** 200 simultaneous guesses for one account: only the free attempts get to the password check. */
    @Test
    void simultaneousGuessesAreCountedBeforeTheyAreChecked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String address = "10.1.0." + i;
            Callable<Boolean> guess = () -> {
                start.await();
                try {
                    throttle.failed(throttle.admit("karaf", address));
                    return true;
                } catch (HttpError refused) {
                    return false;
                }
            };
            results.add(pool.submit(guess));
        }
        start.countDown();
        int admitted = 0;
        for (Future<Boolean> r : results) {
            admitted += r.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(3, admitted);
        assertTrue(throttle.tracked() <= 201);
    }
}
