package org.kervi.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionHandler;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.components.KerviComponent;

class ActionDispatcherTest {

    public enum Mode { AUTO, MANUAL }

    public record Point(int x, int y) {}

    /** Actions of every shape the dispatcher must handle. */
    public static final class Machine extends KerviComponent {
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        Machine() {
            super("machine", "Machine");
        }

        @Action(name = "Add", unit = "V", decimals = 2)
        public double add(double a, int b) {
            return a + b;
        }

        @Action
        public String describe(boolean on, Mode mode, String label, long count) {
            return on + "/" + mode + "/" + label + "/" + count;
        }

        @Action
        public int sum(List<Integer> numbers, Point p) {
            return numbers.stream().mapToInt(Integer::intValue).sum() + p.x() + p.y();
        }

        @Action(id = "app_main", global = true)
        public void appMain() {}

        @Action
        public void explode() {
            throw new IllegalStateException("no fan attached");
        }

        @Action
        public void sleepy(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }

        @Action(concurrency = ActionConcurrency.SERIAL)
        public void serial() throws InterruptedException {
            track();
        }

        @Action(concurrency = ActionConcurrency.PARALLEL)
        public void parallel() throws InterruptedException {
            track();
        }

        @Action(concurrency = ActionConcurrency.REJECT)
        public void exclusive() throws InterruptedException {
            release.await(5, TimeUnit.SECONDS);
        }

        private void track() throws InterruptedException {
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            Thread.sleep(50);
            concurrent.decrementAndGet();
        }
    }

    @Test
    void convertsShellStringsAndReturnsTheResult() throws Exception {
        try (Runtime rt = new Runtime()) {
            rt.add(new Machine());
            assertEquals(5.5, rt.actions.call("machine.add", "2.5", "3").get());
            assertEquals(5.5, rt.actions.call("machine.add", 2.5, 3L).get());
            assertEquals("true/MANUAL/hi/7", rt.actions.call("machine.describe", "true", "manual", "hi", "7").get());
            assertEquals(10, rt.actions.call("machine.sum", "[1,2,3]", "{\"x\":1,\"y\":3}").get());
            assertEquals(null, rt.actions.call("app_main").get());
        }
    }

    @Test
    void describesActionsWithTypedParameters() {
        try (Runtime rt = new Runtime()) {
            rt.add(new Machine());
            ActionInfo add = rt.actions.action("machine.add").orElseThrow();
            assertEquals("machine.add(a: number, b: integer)", add.signature());
            assertEquals("Add", add.name());
            assertEquals("test-instance", add.owner());
            assertEquals(ActionConcurrency.SERIAL, add.concurrency());
            assertEquals("V", add.unit());
            assertEquals(2, add.decimals());
            ActionInfo describe = rt.actions.action("machine.describe").orElseThrow();
            assertEquals("", describe.unit());
            assertEquals(-1, describe.decimals(), "no decimals given: the result is shown as returned");
            assertTrue(rt.actions.actions().stream().anyMatch(a -> a.id().equals("app_main")));
            assertEquals(List.of("app_main", "machine.add", "machine.describe", "machine.exclusive",
                    "machine.explode", "machine.parallel", "machine.serial", "machine.sleepy", "machine.sum"),
                    rt.registry.components().get(0).actionIds().stream().sorted().toList());
        }
    }

    /** An action that declares more decimals than can be shown. */
    public static final class TooPrecise extends KerviComponent {
        TooPrecise() {
            super("precise", "Too precise");
        }

        @Action(decimals = 16)
        public double measure() {
            return 1;
        }
    }

    @Test
    void anActionWithImpossibleDecimalsRefusesItsComponentSayingWhy() {
        try (Runtime rt = new Runtime()) {
            rt.add(new TooPrecise());
            assertEquals("refused", rt.registry.components().get(0).state());
            assertEquals("precise.measure: decimals must be -1 (as returned) or 0..15, got 16",
                    rt.registry.components().get(0).error());
            assertTrue(rt.actions.action("precise.measure").isEmpty());
        }
    }

    @Test
    void badArgumentsSayWhichAndWhy() {
        try (Runtime rt = new Runtime()) {
            rt.add(new Machine());
            assertError(ActionError.BAD_ARGUMENTS, "argument 2 (b): expected integer, got '3.5' (Rounding necessary)",
                    rt.actions.call("machine.add", "1", "3.5"));
            assertError(ActionError.BAD_ARGUMENTS, "argument 1 (a): expected number, got 'x'",
                    rt.actions.call("machine.add", "x", "1"));
            assertError(ActionError.BAD_ARGUMENTS, "takes 2 arguments [a: number, b: integer], got 1",
                    rt.actions.call("machine.add", "1"));
            assertError(ActionError.BAD_ARGUMENTS, "argument 1 (on): expected boolean, got 'yes'",
                    rt.actions.call("machine.describe", "yes", "AUTO", "", "1"));
            assertError(ActionError.BAD_ARGUMENTS, "argument 2 (mode): expected one of [AUTO, MANUAL], got 'fast'",
                    rt.actions.call("machine.describe", "true", "fast", "", "1"));
        }
    }

    @Test
    void unknownIdAndExceptionsAreReported() {
        try (Runtime rt = new Runtime()) {
            rt.add(new Machine());
            assertError(ActionError.UNKNOWN_ID, "no action with id 'machine.nope' is known (kervi:actions lists them)",
                    rt.actions.call("machine.nope"));
            ActionException e = assertError(ActionError.FAILED, "no fan attached", rt.actions.call("machine.explode"));
            assertEquals(IllegalStateException.class.getName(), e.remoteType());
            assertEquals("machine.explode: FAILED: IllegalStateException: no fan attached", e.describe());
        }
    }

    @Test
    void timeoutEndsTheCallAndInterruptsTheAction() throws Exception {
        try (Runtime rt = new Runtime()) {
            rt.add(new Machine());
            long start = System.nanoTime();
            assertError(ActionError.TIMEOUT, "no result within 100 ms",
                    rt.actions.call("machine.sleepy", List.of("10000"), Duration.ofMillis(100)));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            assertEquals(null, rt.actions.call("machine.sleepy", List.of(1), null).get(5, TimeUnit.SECONDS),
                    "the serial queue moved on after the interrupted call");
        }
    }

    @Test
    void serialRunsOneAtATimeAndParallelOverlaps() throws Exception {
        try (Runtime rt = new Runtime()) {
            Machine m = rt.add(new Machine());
            CompletableFuture.allOf(call(rt, "machine.serial", 4)).get(10, TimeUnit.SECONDS);
            assertEquals(1, m.maxConcurrent.get());
            m.maxConcurrent.set(0);
            CompletableFuture.allOf(call(rt, "machine.parallel", 4)).get(10, TimeUnit.SECONDS);
            assertTrue(m.maxConcurrent.get() > 1, "parallel calls overlapped: " + m.maxConcurrent.get());
        }
    }

    @Test
    void rejectPolicyRefusesACallWhileOneRuns() throws Exception {
        try (Runtime rt = new Runtime()) {
            Machine m = rt.add(new Machine());
            CompletableFuture<Object> first = rt.actions.call("machine.exclusive");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (rt.actions.running("machine.exclusive") == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertError(ActionError.BUSY, "is already running and its concurrency is REJECT; try again when it has"
                    + " finished", rt.actions.call("machine.exclusive"));
            m.release.countDown();
            first.get(5, TimeUnit.SECONDS);
            assertEquals(null, rt.actions.call("machine.exclusive").get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void overloadIsAnErrorNotASilentDrop() throws Exception {
        TestConfig config = new TestConfig();
        config.actionQueue = 2;
        try (Runtime rt = new Runtime(config)) {
            Machine m = rt.add(new Machine());
            CompletableFuture<Object> a = rt.actions.call("machine.sleepy", List.of(300), null);
            CompletableFuture<Object> b = rt.actions.call("machine.sleepy", List.of(1), null);
            assertError(ActionError.OVERLOADED, "2 action calls are already waiting; the call was not run",
                    rt.actions.call("machine.sleepy", List.of(1), null));
            a.get(5, TimeUnit.SECONDS);
            b.get(5, TimeUnit.SECONDS);
            m.release.countDown();
        }
    }

    @Test
    void actionsOfARemovedComponentAreGoneAndDuplicatesAreRefused() {
        try (Runtime rt = new Runtime()) {
            Machine m = rt.add(new Machine());
            rt.add(new Machine());
            assertEquals("action id 'machine.add' is already used by component 'machine'",
                    rt.registry.components().get(1).error());
            rt.remove(m);
            assertError(ActionError.UNKNOWN_ID, "no action with id 'machine.add' is known (kervi:actions lists them)",
                    rt.actions.call("machine.add", 1, 2));
        }
    }

    @Test
    void handlerServicesServeIdsThatAreNotLocal() throws Exception {
        try (Runtime rt = new Runtime()) {
            ActionInfo info = new ActionInfo("remote.ping", "Ping", "remote", "other", false, List.of(), "text", "",
                    ActionConcurrency.PARALLEL, Duration.ofSeconds(1));
            ActionHandler handler = handler(info,
                    args -> args.isEmpty() ? CompletableFuture.completedFuture("pong") : new CompletableFuture<>());
            rt.actions.addHandler(handler, Map.of(ActionHandler.ACTION_ID, "remote.ping"));
            assertEquals("pong", rt.actions.call("remote.ping").get());
            assertEquals("other", rt.actions.action("remote.ping").orElseThrow().owner());
            assertError(ActionError.TIMEOUT, "no result within 50 ms",
                    rt.actions.call("remote.ping", List.of("never"), Duration.ofMillis(50)));
            rt.actions.removeHandler(handler, Map.of(ActionHandler.ACTION_ID, "remote.ping"));
            assertError(ActionError.UNKNOWN_ID, "no action with id 'remote.ping' is known (kervi:actions lists them)",
                    rt.actions.call("remote.ping"));
        }
    }

    @Test
    void listenersAreToldOfActionsComingAndGoing() {
        try (Runtime rt = new Runtime()) {
            List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            org.kervi.api.Registration reg = rt.actions.addListener(new org.kervi.api.actions.ActionListener() {
                @Override
                public void actionAdded(ActionInfo action) {
                    seen.add("+" + action.id() + (action.local() ? "" : " remote"));
                }

                @Override
                public void actionRemoved(ActionInfo action) {
                    seen.add("-" + action.id());
                }
            });
            Machine machine = rt.add(new Machine());
            assertTrue(seen.contains("+machine.add") && seen.contains("+app_main"), seen.toString());
            int added = seen.size();
            assertEquals(rt.actions.actions().size(), added);
            rt.remove(machine);
            assertEquals(2 * added, seen.size());
            assertTrue(seen.contains("-machine.add"), seen.toString());

            ActionHandler handler = handler(new ActionInfo("remote.ping", "ping", "", "other", false, List.of(),
                    "text", "", ActionConcurrency.PARALLEL, Duration.ofSeconds(1)),
                    args -> CompletableFuture.completedFuture("pong"));
            rt.actions.addHandler(handler, Map.of(ActionHandler.ACTION_ID, "remote.ping"));
            rt.actions.removeHandler(handler, Map.of(ActionHandler.ACTION_ID, "remote.ping"));
            assertEquals(List.of("+remote.ping remote", "-remote.ping"), seen.subList(2 * added, seen.size()));

            reg.close();
            rt.add(new Machine());
            assertEquals(2 * added + 2, seen.size(), "a closed listener hears nothing");
        }
    }

    private static ActionHandler handler(ActionInfo info,
            java.util.function.Function<List<?>, CompletableFuture<Object>> invoke) {
        return new ActionHandler() {
            @Override
            public ActionInfo info() {
                return info;
            }

            @Override
            public CompletableFuture<Object> invoke(List<?> args, Duration timeout) {
                return invoke.apply(args);
            }
        };
    }

    private static CompletableFuture<?>[] call(Runtime rt, String id, int times) {
        CompletableFuture<?>[] calls = new CompletableFuture<?>[times];
        for (int i = 0; i < times; i++) {
            calls[i] = rt.actions.call(id);
        }
        return calls;
    }

    private static ActionException assertError(ActionError error, String message, CompletableFuture<Object> call) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(10, TimeUnit.SECONDS));
        ActionException ae = (ActionException) e.getCause();
        assertEquals(error, ae.error(), ae.getMessage());
        assertEquals(message, ae.getMessage());
        return ae;
    }
}
