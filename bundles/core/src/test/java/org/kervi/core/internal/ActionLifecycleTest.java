package org.kervi.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionContext;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStateChange;
import org.kervi.api.actions.ActionStateIds;
import org.kervi.api.actions.ActionStatus;
import org.kervi.api.actions.Interrupt;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.api.components.KerviComponent;

class ActionLifecycleTest {

    /** A pump whose runs last until they are interrupted or released. */
    public static final class Pump extends KerviComponent {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger stopCalls = new AtomicInteger();
        final AtomicInteger runs = new AtomicInteger();
        volatile boolean motorOn;

        Pump() {
            super("pump", "Pump");
        }

        /** Kervi style: runs until told to stop, watching its context. */
        @Action(timeoutMillis = 30_000)
        public String run(ActionContext context, int speed) {
            runs.incrementAndGet();
            motorOn = true;
            started.countDown();
            boolean interrupted = context.awaitInterrupt(Duration.ofSeconds(20));
            motorOn = false;
            return interrupted ? "stopped" : "done at " + speed;
        }

        @Interrupt("run")
        public void stopMotor(ActionContext context) {
            stopCalls.incrementAndGet();
        }

        /** Old-Java style: blocks in a sleep, ended by the thread interrupt. */
        @Action(concurrency = ActionConcurrency.PARALLEL, timeoutMillis = 30_000)
        public void sleeper() throws InterruptedException {
            started.countDown();
            Thread.sleep(20_000);
        }

        @Action(timeoutMillis = 30_000)
        public void gated() throws InterruptedException {
            runs.incrementAndGet();
            started.countDown();
            release.await();
        }

        @Action(concurrency = ActionConcurrency.REJECT, timeoutMillis = 30_000)
        public void exclusive() throws InterruptedException {
            started.countDown();
            release.await();
        }

        @Action
        public int fail(boolean really) {
            if (really) {
                throw new IllegalStateException("no water");
            }
            return 1;
        }
    }

    /** An interrupt handler that names no action of its component. */
    public static final class Stray extends KerviComponent {
        Stray() {
            super("stray", "Stray");
        }

        @Action
        public void go() {}

        @Interrupt("gone")
        public void halt() {}
    }

    @Test
    void startReturnsAtOnceAndAnInterruptEndsTheRunAsInterrupted() throws Exception {
        try (Runtime rt = new Runtime()) {
            Pump pump = rt.add(new Pump());
            BlockingQueue<ActionStateChange> changes = new LinkedBlockingQueue<>();
            rt.actions.addStateListener(changes::add);
            assertEquals("idle", stateValue(rt, "pump.run"));

            ActionRun run = rt.actions.start("pump.run", "40");
            assertTrue(run.runId().startsWith("pump.run#test-instance-"), run.runId());
            assertTrue(pump.started.await(5, TimeUnit.SECONDS));
            assertEquals(ActionState.RUNNING, next(changes).state());
            assertEquals(ActionState.RUNNING, run.state());
            assertEquals("running", stateValue(rt, "pump.run"));
            assertEquals(ActionState.RUNNING, rt.actions.status("pump.run").orElseThrow().state());
            assertEquals(1, rt.actions.status("pump.run").orElseThrow().running());

            assertTrue(run.interrupt().get(5, TimeUnit.SECONDS));
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.result().get(5, TimeUnit.SECONDS));
            ActionException ae = (ActionException) e.getCause();
            assertEquals(ActionError.INTERRUPTED, ae.error());
            assertEquals("run " + run.runId() + " was interrupted", ae.getMessage());
            assertFalse(pump.motorOn);
            ActionStateChange end = next(changes);
            assertEquals(ActionState.INTERRUPTED, end.state());
            assertEquals(run.runId(), end.runId());
            assertTrue(end.duration() != null && !end.duration().isNegative());
            assertEquals(ActionState.INTERRUPTED, run.state());
            assertEquals("interrupted", stateValue(rt, "pump.run"));
            ActionStatus status = rt.actions.status("pump.run").orElseThrow();
            assertEquals(ActionState.INTERRUPTED, status.state());
            assertEquals("interrupted", status.lastError());
            assertEquals(run.runId(), status.lastRunId());
            assertEquals(0, status.running());
            waitFor(() -> pump.stopCalls.get() == 1, "the @Interrupt handler ran once");
            assertFalse(run.interrupt().get(5, TimeUnit.SECONDS), "an ended run is not interrupted again");
        }
    }

    @Test
    void theContextIsPassedNotAskedFor() throws Exception {
        try (Runtime rt = new Runtime()) {
            rt.add(new Pump());
            assertEquals(List.of(new ParameterInfo("arg1", "integer")),
                    rt.actions.action("pump.run").orElseThrow().parameters().stream()
                            .map(p -> new ParameterInfo("arg1", p.type())).toList());
            ActionException e = assertThrows(ActionException.class, () -> join(rt.actions.call("pump.run")));
            assertEquals(ActionError.BAD_ARGUMENTS, e.error());
        }
    }

    @Test
    void anInterruptByActionIdEndsABlockingSleepOfEveryRun() throws Exception {
        try (Runtime rt = new Runtime()) {
            rt.add(new Pump());
            List<ActionRun> runs = List.of(rt.actions.start("pump.sleeper"), rt.actions.start("pump.sleeper"),
                    rt.actions.start("pump.sleeper"), rt.actions.start("pump.sleeper"));
            waitFor(() -> rt.actions.running("pump.sleeper") == 4, "all four runs going");
            assertEquals(4, rt.actions.interrupt("pump.sleeper").get(5, TimeUnit.SECONDS));
            for (ActionRun run : runs) {
                ActionException e = (ActionException) assertThrows(ExecutionException.class,
                        () -> run.result().get(5, TimeUnit.SECONDS)).getCause();
                assertEquals(ActionError.INTERRUPTED, e.error());
                assertEquals("run " + run.runId() + " was interrupted", e.getMessage());
            }
            assertEquals("interrupted", stateValue(rt, "pump.sleeper"), "runs ending side by side leave the state"
                    + " of the last, not running");
            String lastError = rt.actions.status("pump.sleeper").orElseThrow().lastError();
            assertTrue(lastError.startsWith("interrupted; then pump.sleeper: FAILED: InterruptedException"), lastError);
            assertEquals(0, rt.actions.interrupt("pump.sleeper").get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aSerialRunWaitsQueuedAndAnInterruptedQueuedRunNeverRuns() throws Exception {
        try (Runtime rt = new Runtime()) {
            Pump pump = rt.add(new Pump());
            BlockingQueue<ActionStateChange> changes = new LinkedBlockingQueue<>();
            rt.actions.addStateListener(changes::add);
            ActionRun first = rt.actions.start("pump.gated");
            assertTrue(pump.started.await(5, TimeUnit.SECONDS));
            ActionRun second = rt.actions.start("pump.gated");
            ActionRun third = rt.actions.start("pump.gated");
            assertEquals(ActionState.QUEUED, second.state());
            assertEquals(ActionState.RUNNING, first.state());

            assertEquals(1, rt.actions.interrupt(second.runId()).get(5, TimeUnit.SECONDS));
            ActionException e = (ActionException) assertThrows(ExecutionException.class,
                    () -> second.result().get(5, TimeUnit.SECONDS)).getCause();
            assertEquals(ActionError.INTERRUPTED, e.error());
            assertEquals(ActionState.INTERRUPTED, second.state());

            pump.release.countDown();
            first.result().get(5, TimeUnit.SECONDS);
            third.result().get(5, TimeUnit.SECONDS);
            assertEquals(2, pump.runs.get(), "the interrupted queued run never ran");
            assertEquals(ActionState.SUCCEEDED, third.state());
            assertEquals("succeeded", stateValue(rt, "pump.gated"));
            List<String> seen = changes.stream().map(c -> c.runId().substring(c.runId().indexOf('-') + 1) + " "
                    + c.state()).toList();
            assertTrue(seen.contains(suffix(second) + " QUEUED"), seen.toString());
            assertTrue(seen.contains(suffix(second) + " INTERRUPTED"), seen.toString());
            assertFalse(seen.contains(suffix(second) + " RUNNING"), seen.toString());
        }
    }

    @Test
    void aRejectActionRefusesAStartWhileItRuns() throws Exception {
        try (Runtime rt = new Runtime()) {
            Pump pump = rt.add(new Pump());
            ActionRun first = rt.actions.start("pump.exclusive");
            assertTrue(pump.started.await(5, TimeUnit.SECONDS));
            ActionRun refused = rt.actions.start("pump.exclusive");
            assertEquals(ActionState.FAILED, refused.state());
            ActionException e = (ActionException) assertThrows(ExecutionException.class,
                    () -> refused.result().get(5, TimeUnit.SECONDS)).getCause();
            assertEquals(ActionError.BUSY, e.error());
            assertEquals("running", stateValue(rt, "pump.exclusive"), "a refused start leaves the running state");
            pump.release.countDown();
            first.result().get(5, TimeUnit.SECONDS);
            assertEquals("succeeded", stateValue(rt, "pump.exclusive"));
        }
    }

    /** Plumbing called every second by another instance. */
    public static final class Outbox extends KerviComponent {
        Outbox() {
            super("outbox", "Outbox");
        }

        @Action(stateValues = false)
        public int take() {
            return 7;
        }
    }

    @Test
    void anActionWithoutStateValuesRegistersNoneAndStillReportsItsStatus() throws Exception {
        try (Runtime rt = new Runtime()) {
            rt.add(new Outbox());
            assertEquals(7, join(rt.actions.call("outbox.take")));
            assertTrue(rt.registry.value(ActionStateIds.state("outbox.take")).isEmpty());
            assertTrue(rt.registry.value(ActionStateIds.lastError("outbox.take")).isEmpty());
            assertEquals(ActionState.SUCCEEDED, rt.actions.status("outbox.take").orElseThrow().state());
        }
    }

    @Test
    void failuresAreKeptAsLastErrorAndClearedBySuccess() throws Exception {
        try (Runtime rt = new Runtime()) {
            rt.add(new Pump());
            assertThrows(ActionException.class, () -> join(rt.actions.call("pump.fail", true)));
            assertEquals("failed", stateValue(rt, "pump.fail"));
            assertEquals("pump.fail: FAILED: IllegalStateException: no water",
                    rt.registry.value(ActionStateIds.lastError("pump.fail")).orElseThrow().value().get());
            assertEquals("pump.fail: FAILED: IllegalStateException: no water",
                    rt.actions.status("pump.fail").orElseThrow().lastError());
            assertEquals(1, join(rt.actions.call("pump.fail", false)));
            assertEquals("succeeded", stateValue(rt, "pump.fail"));
            assertEquals("", rt.actions.status("pump.fail").orElseThrow().lastError());
            Object seconds = rt.registry.value(ActionStateIds.lastDuration("pump.fail")).orElseThrow().value().get();
            assertTrue(seconds instanceof Double d && d >= 0 && d < 5, "last duration in seconds: " + seconds);
        }
    }

    @Test
    void aTimedOutRunEndsFailedNotInterrupted() throws Exception {
        try (Runtime rt = new Runtime()) {
            Pump pump = rt.add(new Pump());
            ActionRun run = rt.actions.start("pump.sleeper", List.of(), Duration.ofMillis(200));
            ActionException e = (ActionException) assertThrows(ExecutionException.class,
                    () -> run.result().get(5, TimeUnit.SECONDS)).getCause();
            assertEquals(ActionError.TIMEOUT, e.error());
            waitFor(() -> run.state() == ActionState.FAILED, "the run ended FAILED");
            waitFor(() -> "failed".equals(stateValue(rt, "pump.sleeper")), "state value failed");
            assertEquals("no result within 200 ms", rt.actions.status("pump.sleeper").orElseThrow().lastError());
            assertEquals(0, pump.stopCalls.get());
        }
    }

    @Test
    void unknownIdsAreReportedByStartAndInterrupt() {
        try (Runtime rt = new Runtime()) {
            ActionRun run = rt.actions.start("nowhere.go");
            assertEquals(ActionState.FAILED, run.state());
            assertEquals(ActionError.UNKNOWN_ID, assertThrows(ActionException.class, () -> join(run.result())).error());
            assertEquals(ActionError.UNKNOWN_ID,
                    assertThrows(ActionException.class, () -> join(rt.actions.interrupt("nowhere.go#x-1"))).error());
            assertTrue(rt.actions.status("nowhere.go").isEmpty());
        }
    }

    @Test
    void anInterruptHandlerForNoActionRefusesItsComponentSayingWhy() {
        try (Runtime rt = new Runtime()) {
            rt.add(new Stray());
            String error = rt.registry.components().get(0).error();
            assertEquals("component 'stray': @Interrupt names no @Action of it: [gone] (name the action's id or"
                    + " method name)", error);
        }
    }

    @Test
    void theStateValuesGoWithTheirComponent() {
        try (Runtime rt = new Runtime()) {
            Pump pump = rt.add(new Pump());
            assertTrue(rt.registry.value("pump.run.state").isPresent());
            assertTrue(rt.registry.value("pump.run.last_error").isPresent());
            assertTrue(rt.registry.value("pump.run.last_duration").isPresent());
            rt.remove(pump);
            assertTrue(rt.registry.value("pump.run.state").isEmpty());
        }
    }

    private static String suffix(ActionRun run) {
        return run.runId().substring(run.runId().indexOf('-') + 1);
    }

    private static Object stateValue(Runtime rt, String actionId) {
        return rt.registry.value(ActionStateIds.state(actionId)).orElseThrow().value().get();
    }

    private static ActionStateChange next(BlockingQueue<ActionStateChange> changes) throws InterruptedException {
        ActionStateChange c = changes.poll(5, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no state change within 5 s");
        }
        return c;
    }

    private static Object join(java.util.concurrent.CompletableFuture<?> f) {
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.onSpinWait();
        }
    }
}
