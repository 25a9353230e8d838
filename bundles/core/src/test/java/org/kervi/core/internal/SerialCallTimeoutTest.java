package org.kervi.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.components.KerviComponent;

/** A SERIAL call's timeout counts from the call, queue time included; a call that timed out in the queue never runs. */
class SerialCallTimeoutTest {

    /** A SERIAL action that records each run and holds the first one until released. */
    public static final class Door extends KerviComponent {
        final List<String> ran = new CopyOnWriteArrayList<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);

        Door() {
            super("door", "Door");
        }

        @Action(concurrency = ActionConcurrency.SERIAL)
        public void move(String who) throws InterruptedException {
            ran.add(who);
            if (who.equals("first")) {
                firstStarted.countDown();
                releaseFirst.await(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void queueTimeCountsAndATimedOutQueuedCallNeverRuns() throws Exception {
        try (Runtime rt = new Runtime()) {
            Door door = rt.add(new Door());
            CompletableFuture<Object> first = rt.actions.call("door.move", List.of("first"), Duration.ofSeconds(20));
            assertTrue(door.firstStarted.await(10, TimeUnit.SECONDS), "the first call runs");

            CompletableFuture<Object> queued = rt.actions.call("door.move", List.of("queued"), Duration.ofMillis(150));
            ExecutionException e = assertThrows(ExecutionException.class, () -> queued.get(10, TimeUnit.SECONDS));
            ActionException timeout = (ActionException) e.getCause();
            assertEquals(ActionError.TIMEOUT, timeout.error());
            assertEquals("door.move: TIMEOUT: no result within 150 ms", timeout.describe());
            assertFalse(first.isDone(), "the queued call timed out while the first one still ran: queue time counts");

            door.releaseFirst.countDown();
            first.get(10, TimeUnit.SECONDS);
            rt.actions.call("door.move", List.of("after"), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("first", "after"), door.ran, "the call that timed out in the queue did not run");
        }
    }
}
