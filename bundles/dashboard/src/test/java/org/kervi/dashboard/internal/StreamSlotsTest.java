package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamSlotsTest {
    private final StreamSlots slots = new StreamSlots(new DashboardSettings.StreamCaps(6, 3, 4));

    @Test
    void eachCapRefusesWithA503AndARetryAfter() {
        StreamSlots.Slot a = slots.reserve("karaf", "10.0.0.1");
        slots.reserve("karaf", "10.0.0.1");
        slots.reserve("karaf", "10.0.0.2");
        HttpError perUser = assertThrows(HttpError.class, () -> slots.reserve("karaf", "10.0.0.3"));
        assertEquals(503, perUser.status());
        assertEquals("user 'karaf' has 3 live streams open already; try again later", perUser.getMessage());
        assertEquals(StreamSlots.RETRY_AFTER_SECONDS, perUser.retryAfterSeconds());
        slots.reserve("viewer", "10.0.0.1");
        slots.reserve("viewer", "10.0.0.1");
        assertEquals("10.0.0.1 has 4 live streams open already; try again later",
                assertThrows(HttpError.class, () -> slots.reserve("other", "10.0.0.1")).getMessage());
        slots.reserve("other", "10.0.0.9");
        assertEquals("too many live streams open (6); try again later",
                assertThrows(HttpError.class, () -> slots.reserve("other", "10.0.0.9")).getMessage());
        a.close();
        a.close();
        assertEquals(5, slots.open());
        slots.reserve("other", "10.0.0.9");
    }

    @Test
    void simultaneousRequestsNeverOpenMoreThanTheCap() throws Exception {
        StreamSlots big = new StreamSlots(new DashboardSettings.StreamCaps(200, 1000, 1000));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<StreamSlots.Slot> taken = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 400; i++) {
            pool.execute(() -> {
                try {
                    start.await();
                    taken.add(big.reserve("karaf", "10.0.0.1"));
                } catch (HttpError | InterruptedException refused) {
                    // over the cap
                }
            });
        }
        start.countDown();
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        assertEquals(200, taken.size());
        assertEquals(200, big.open());
        taken.forEach(StreamSlots.Slot::close);
        assertEquals(0, big.open());
    }
}
