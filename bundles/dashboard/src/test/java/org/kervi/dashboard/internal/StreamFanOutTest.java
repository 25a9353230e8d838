package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamFanOutTest {

    @Test
    void changesReachTheStreamsOnTheFanOutThreadNotTheSetters() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        try (StreamFanOut fanOut = new StreamFanOut((id, v, t) -> {
            seen.add(Thread.currentThread().getName() + " " + id + "=" + v + "@" + t);
            three.countDown();
        }, r -> new Thread(r, "fan-out-test"))) {
            fanOut.offer("a", 1.0, 10);
            assertTrue(awaitSeen(seen, "a=1.0@10"));
            fanOut.offer("b", true, 11);
            assertTrue(awaitSeen(seen, "b=true@11"));
            fanOut.offer("a", 2.0, 12);
            assertTrue(three.await(10, TimeUnit.SECONDS), "three changes delivered: " + seen);
        }
        assertEquals(List.of("fan-out-test a=1.0@10", "fan-out-test b=true@11", "fan-out-test a=2.0@12"), seen);
        assertNotEquals(Thread.currentThread().getName(), "fan-out-test");
    }

    @Test
    void whileTheFanOutIsBusyTheLatestChangeOfAnIdWins() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (StreamFanOut fanOut = new StreamFanOut((id, v, t) -> {
            seen.add(id + "=" + v);
            if (seen.size() == 1) {
                busy.countDown();
                await(release);
            }
        }, r -> new Thread(r, "fan-out-test"))) {
            fanOut.offer("a", 1.0, 1);
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            fanOut.offer("a", 2.0, 2);
            fanOut.offer("b", 1.0, 3);
            fanOut.offer("a", 3.0, 4);
            release.countDown();
            assertTrue(awaitSeen(seen, "b=1.0"), "b delivered: " + seen);
        }
        assertEquals(List.of("a=1.0", "a=3.0", "b=1.0"), seen);
    }

    @Test
    void changesTakenTogetherEndWithOneEndOfRound() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (StreamFanOut fanOut = new StreamFanOut(new StreamFanOut.Target() {
            @Override
            public void change(String valueId, Object current, long timestampMillis) {
                seen.add(valueId);
                if (seen.size() == 1) {
                    busy.countDown();
                    await(release);
                }
            }

            @Override
            public void endOfRound() {
                seen.add("end");
            }
        }, r -> new Thread(r, "fan-out-test"))) {
            fanOut.offer("a", 1.0, 1);
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            fanOut.offer("b", 1.0, 2);
            fanOut.offer("c", 1.0, 3);
            release.countDown();
            assertTrue(awaitSeen(seen, "c") && awaitCount(seen, 5), "two rounds ended: " + seen);
        }
        assertEquals(List.of("a", "end", "b", "c", "end"), seen);
    }

    private static boolean awaitCount(List<String> seen, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < count && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return seen.size() >= count;
    }

    private static boolean awaitSeen(List<String> seen, String suffix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (seen.stream().anyMatch(s -> s.endsWith(suffix))) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        return false;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
