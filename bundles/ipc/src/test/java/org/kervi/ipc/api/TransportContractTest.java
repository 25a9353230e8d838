package org.kervi.ipc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.api.dashboard.DashboardLink;
import org.kervi.api.dashboard.WidgetType;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.api.values.ValueRole;

/**
 * What every {@link Transport} must do, whatever carries it (the TCP hub, an MQTT broker...). A subclass starts
 * and stops the server side and makes transports; heartbeat timeouts of the transports it makes should be short
 * (about a second) so that the suite stays fast.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class TransportContractTest {
    protected static final String SECRET = "contract-secret";
    private final List<Transport> transports = new ArrayList<>();

    /** Starts the hub or broker; after {@link #stopServer()} it must come back at the same address. */
    protected abstract void startServer() throws Exception;

    protected abstract void stopServer();

    protected abstract Transport newTransport(String instanceId, String secret);

    /** The heartbeat timeout the transports use: the deadline for noticing a vanished peer. */
    protected abstract long heartbeatTimeoutMillis();

    /** For transports that can tell: checks that value events queued for {@code instanceId} stayed bounded. */
    protected void assertBoundedQueue(String instanceId, int ids) {}

    @BeforeEach
    void setUpServer() throws Exception {
        startServer();
    }

    @AfterEach
    void tearDown() {
        transports.forEach(Transport::close);
        stopServer();
    }

    protected record Peer(Transport transport, RecordingListener seen) {}

    protected Peer start(String instanceId) {
        return start(instanceId, SECRET, true);
    }

    protected Peer start(String instanceId, String secret, boolean awaitConnected) {
        return start(instanceId, secret, awaitConnected, List.of());
    }

    /** Starts a transport that owns {@code values} from the first connection on. */
    protected Peer start(String instanceId, String secret, boolean awaitConnected, List<ValueDescriptor> values) {
        Transport t = newTransport(instanceId, secret);
        transports.add(t);
        RecordingListener listener = new RecordingListener();
        t.register(values, List.of());
        t.subscribe(List.of("*"));
        t.start(listener);
        if (awaitConnected) {
            Await.until(instanceId + " connected", t::isConnected);
        }
        return new Peer(t, listener);
    }

    protected static ValueDescriptor number(String id) {
        return new ValueDescriptor(id, "Value " + id, ValueKind.NUMBER, ValueRole.SENSOR, "comp",
                Map.of("unit", "%", "min", 0.0, "max", 100.0));
    }

    protected static ActionDescriptor action(String id) {
        return new ActionDescriptor(id, "Action " + id, "comp", List.of(new ParameterInfo("a", "number"),
                new ParameterInfo("b", "number")), "number", "", ActionConcurrency.SERIAL, Duration.ofSeconds(5));
    }

    private static ActionException actionError(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return assertInstanceOf(ActionException.class, e.getCause());
    }

    // ---- directory and values ----------------------------------------------------------------------

    @Test
    void publishedValuesReachSubscribersWithTheirMetadata() {
        Peer a = start("a");
        Peer b = start("b");
        a.transport().register(List.of(number("a.temp")), List.of());
        Await.until("b sees a.temp", () -> "a".equals(b.seen().remoteValues.get("a.temp")));
        ValueDescriptor d = b.seen().valueDescriptors.get("a.temp");
        assertEquals(ValueKind.NUMBER, d.kind());
        assertEquals(ValueRole.SENSOR, d.role());
        assertEquals("%", d.attributes().get("unit"));
        assertEquals(100.0, ((Number) d.attributes().get("max")).doubleValue());

        a.transport().publish("a.temp", 21.5, 1000);
        Await.until("b gets 21.5", 20_000, () -> b.seen().lastValues.get("a.temp"), v -> Double.valueOf(21.5).equals(v));
        a.transport().publish("a.temp", 22.0, 1001);
        Await.until("b gets 22.0", 20_000, () -> b.seen().lastValues.get("a.temp"), v -> Double.valueOf(22.0).equals(v));
        assertFalse(a.seen().remoteValues.containsKey("a.temp"), "an owner is not told of its own ids");
    }

    @Test
    void aSubscriberThatKeepsUpGetsEveryEventInOrder() {
        Peer a = start("a");
        Peer b = start("b");
        a.transport().register(List.of(number("a.count")), List.of());
        Await.until("b sees a.count", () -> b.seen().remoteValues.containsKey("a.count"));
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        b.seen().onEvent = (id, v) -> seen.add(v);
        for (int i = 1; i <= 500; i++) {
            a.transport().publish("a.count", (double) i, i);
        }
        Await.until("b gets all 500", 20_000, () -> seen.size(), n -> n == 500);
        for (int i = 1; i <= 500; i++) {
            assertEquals((double) i, seen.get(i - 1));
        }
    }

    @Test
    void aLateSubscriberGetsTheLastValueAtOnce() {
        Peer a = start("a");
        a.transport().register(List.of(number("a.temp"), number("a.hum")), List.of());
        for (int i = 1; i <= 50; i++) {
            a.transport().publish("a.temp", (double) i, i);
        }
        a.transport().publish("a.hum", 40.0, 1);
        Peer watcher = start("watcher");
        Await.until("watcher sees a.hum", () -> Double.valueOf(40.0).equals(watcher.seen().lastValues.get("a.hum")));
        Peer b = start("b");
        Await.until("b gets the last a.temp", 20_000, () -> b.seen().lastValues.get("a.temp"),
                v -> Double.valueOf(50.0).equals(v));
        Await.until("b gets the last a.hum", () -> Double.valueOf(40.0).equals(b.seen().lastValues.get("a.hum")));
    }

    @Test
    void writesGoToTheOwnerAndCarryItsRefusal() throws Exception {
        Peer a = start("a");
        Peer b = start("b");
        a.transport().register(List.of(number("a.level")), List.of());
        Await.until("b sees a.level", () -> b.seen().remoteValues.containsKey("a.level"));
        b.transport().write("a.level", 42.0).get(5, TimeUnit.SECONDS);
        assertEquals(42.0, a.seen().written.get("a.level"));

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> b.transport().write("a.level", 420.0).get(5, TimeUnit.SECONDS));
        ValueRejectedException e = assertInstanceOf(ValueRejectedException.class, refused.getCause());
        assertEquals("a.level: 420.0 is out of range [0, 100]", e.getMessage());

        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> b.transport().write("nobody.value", 1.0).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, unknown.getCause());
    }

    // ---- actions -----------------------------------------------------------------------------------

    @Test
    void anActionArrivesWithItsMetadataIncludingTheUnitAndDecimalsOfItsResult() {
        Peer a = start("a");
        Peer b = start("b");
        ActionDescriptor activate = new ActionDescriptor("a.activate", "Activate", "fan",
                List.of(new ParameterInfo("on", "boolean")), "number", "Sure?", ActionConcurrency.REJECT,
                Duration.ofSeconds(3), List.of(new DashboardLink("fan", "actions", WidgetType.BUTTON, false, "", "")),
                "%", 0);
        a.transport().register(List.of(), List.of(activate, action("a.plain")));
        Await.until("b sees both actions", () -> b.seen().actionDescriptors.containsKey("a.activate")
                && b.seen().actionDescriptors.containsKey("a.plain"));
        assertEquals(activate, b.seen().actionDescriptors.get("a.activate"));
        assertEquals("", b.seen().actionDescriptors.get("a.plain").unit());
        assertEquals(-1, b.seen().actionDescriptors.get("a.plain").decimals());
    }

    @Test
    void aCallReturnsTheOwnersResult() throws Exception {
        Peer a = start("a");
        Peer b = start("b");
        a.seen().actions.put("a.add", (id, args) -> CompletableFuture.completedFuture(
                ((Number) args.get(0)).doubleValue() + ((Number) args.get(1)).doubleValue()));
        a.transport().register(List.of(), List.of(action("a.add")));
        Await.until("b sees a.add", () -> "a".equals(b.seen().remoteActions.get("a.add")));
        assertEquals(5.5, b.transport().call("a.add", List.of(2, 3.5), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS));
        a.seen().actions.put("a.text", (id, args) -> CompletableFuture.completedFuture("hello " + args.get(0)));
        a.transport().register(List.of(), List.of(action("a.text")));
        Await.until("b sees a.text", () -> b.seen().remoteActions.containsKey("a.text"));
        assertEquals("hello x", b.transport().call("a.text", List.of("x"), null).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aStartedRunCarriesItsRunIdAndAnInterruptNamesItOrTheAction() throws Exception {
        Peer a = start("a");
        Peer b = start("b");
        a.transport().register(List.of(), List.of(action("a.pump")));
        Await.until("b sees a.pump", () -> b.seen().remoteActions.containsKey("a.pump"));
        CompletableFuture<Object> first = b.transport().start("a.pump", List.of(1, 2), Duration.ofSeconds(10),
                "a.pump#b-1");
        CompletableFuture<Object> second = b.transport().start("a.pump", List.of(1, 2), Duration.ofSeconds(10),
                "a.pump#b-2");
        Await.until("both runs arrived", () -> a.seen().runs.size() == 2);
        assertEquals(1, b.transport().interrupt("a.pump", "a.pump#b-1", Duration.ofSeconds(5))
                .get(5, TimeUnit.SECONDS));
        ActionException e = actionError(first);
        assertEquals(ActionError.INTERRUPTED, e.error());
        assertEquals("run a.pump#b-1 was interrupted", e.getMessage());
        assertFalse(second.isDone());
        assertEquals(1, b.transport().interrupt("a.pump", null, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS));
        assertEquals(ActionError.INTERRUPTED, actionError(second).error());
        assertEquals(List.of("a.pump a.pump#b-1", "a.pump *"), a.seen().interrupts);
        assertEquals(ActionError.UNKNOWN_ID, actionError(b.transport().interrupt("a.none", null,
                Duration.ofSeconds(5))).error());
    }

    @Test
    void aFailingActionReportsTheRemoteErrorAndType() {
        Peer a = start("a");
        Peer b = start("b");
        a.seen().actions.put("a.boom", (id, args) -> {
            throw new IllegalStateException("no fan attached");
        });
        a.seen().actions.put("a.busy", (id, args) -> CompletableFuture.failedFuture(
                new ActionException(id, ActionError.BUSY, "is already running")));
        a.transport().register(List.of(), List.of(action("a.boom"), action("a.busy")));
        Await.until("b sees both", () -> b.seen().remoteActions.size() == 2);

        ActionException e = actionError(b.transport().call("a.boom", List.of(), Duration.ofSeconds(5)));
        assertEquals(ActionError.FAILED, e.error());
        assertEquals(IllegalStateException.class.getName(), e.remoteType());
        assertEquals("no fan attached", e.getMessage());
        assertEquals("a.boom", e.actionId());

        ActionException busy = actionError(b.transport().call("a.busy", List.of(), Duration.ofSeconds(5)));
        assertEquals(ActionError.BUSY, busy.error());
    }

    @Test
    void aCallWithoutAnswerTimesOut() {
        Peer a = start("a");
        Peer b = start("b");
        a.seen().actions.put("a.slow", (id, args) -> new CompletableFuture<>());
        a.transport().register(List.of(), List.of(action("a.slow")));
        Await.until("b sees a.slow", () -> b.seen().remoteActions.containsKey("a.slow"));
        long start = System.nanoTime();
        ActionException e = actionError(b.transport().call("a.slow", List.of(), Duration.ofMillis(300)));
        assertEquals(ActionError.TIMEOUT, e.error());
        assertEquals("a.slow: TIMEOUT: no result within 300 ms", e.describe(), "the wording of a local timeout");
        assertTrue(System.nanoTime() - start >= 250_000_000L, "not before the timeout");
    }

    @Test
    void aCallOfAnUnknownIdFailsAtOnce() {
        Peer b = start("b");
        ActionException e = actionError(b.transport().call("nobody.nothing", List.of(), Duration.ofSeconds(5)));
        assertEquals(ActionError.UNKNOWN_ID, e.error());
        assertTrue(e.getMessage().contains("nobody.nothing"), e.getMessage());
    }

    @Test
    void anOwnerLeavingDuringACallFailsItWithOwnerGoneAndRemovesItsIds() {
        Peer a = start("a");
        Peer b = start("b");
        CountDownLatch called = new CountDownLatch(1);
        a.seen().actions.put("a.hang", (id, args) -> {
            called.countDown();
            return new CompletableFuture<>();
        });
        a.transport().register(List.of(number("a.temp")), List.of(action("a.hang")));
        Await.until("b sees a's ids", () -> b.seen().remoteActions.containsKey("a.hang")
                && b.seen().remoteValues.containsKey("a.temp"));
        CompletableFuture<Object> call = b.transport().call("a.hang", List.of(), Duration.ofSeconds(20));
        Await.until("a got the call", () -> called.getCount() == 0);
        long start = System.currentTimeMillis();
        a.transport().close();
        ActionException e = actionError(call);
        assertEquals(ActionError.OWNER_GONE, e.error());
        long bound = 3 * heartbeatTimeoutMillis() + 3000; // a closing owner says goodbye; the slack is a busy machine's
        Await.until("a's ids leave b", bound,
                () -> b.seen().remoteActions.isEmpty() && b.seen().remoteValues.isEmpty());
        assertTrue(System.currentTimeMillis() - start <= bound + 1000);
    }

    @Test
    void derivedValuesReachNamedSubscribersInFullAndEveryoneWithTheLatest() throws Exception {
        Peer a = start("a");
        Peer all = start("all");
        Peer named = start("named");
        a.seen().actions.put("a.ping", (id, args) -> CompletableFuture.completedFuture("pong"));
        a.transport().register(List.of(number("a.input")), List.of(action("a.ping")));
        Await.until("both see a's ids", () -> all.seen().remoteValues.containsKey("a.input")
                && named.seen().remoteActions.containsKey("a.ping"));
        List<Object> namedGot = new java.util.concurrent.CopyOnWriteArrayList<>();
        named.seen().onEvent = (id, v) -> {
            if (id.equals("a.input")) {
                namedGot.add(v);
            }
        };
        named.transport().subscribe(List.of("a.input"));
        // the call goes after the subscription: once answered, the owner knows of the subscription
        assertEquals("pong", named.transport().call("a.ping", List.of(), Duration.ofSeconds(5)).get(5,
                TimeUnit.SECONDS));
        int n = 200;
        for (int i = 1; i <= n; i++) {
            a.transport().publishDerived("a.input", (double) i, i);
        }
        Await.until("the named subscriber gets every change", 20_000, () -> namedGot.size() >= n);
        List<Object> expected = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            expected.add((double) i);
        }
        assertEquals(expected, namedGot, "in order, none missing");
        Await.until("everyone gets the latest", 20_000, () -> all.seen().lastValues.get("a.input"),
                v -> Double.valueOf(n).equals(v));

        a.transport().publishDerived("a.input", 1.0, n + 1);
        a.transport().publish("a.input", 2.0, n + 2);
        Await.until("a full event after a derived one", 20_000, () -> all.seen().lastValues.get("a.input"),
                v -> Double.valueOf(2.0).equals(v));
        // three sampling periods: a derived value still waiting would have gone out by then
        Await.holds("the full event stays the latest", 300,
                () -> Double.valueOf(2.0).equals(all.seen().lastValues.get("a.input")));
    }

    // ---- resilience --------------------------------------------------------------------------------

    @Test
    void clientsReconnectAndRegisterAgainAfterAServerRestart() {
        Peer a = start("a");
        Peer b = start("b");
        a.seen().actions.put("a.ping", (id, args) -> CompletableFuture.completedFuture("pong"));
        a.transport().register(List.of(number("a.temp")), List.of(action("a.ping")));
        Await.until("b sees a's ids", () -> b.seen().remoteValues.containsKey("a.temp")
                && b.seen().remoteActions.containsKey("a.ping"));

        stopServer();
        Await.until("both notice", 20_000, () -> !a.transport().isConnected() && !b.transport().isConnected());
        Await.until("b drops a's ids", () -> b.seen().remoteValues.isEmpty() && b.seen().remoteActions.isEmpty());
        try {
            startServer();
        } catch (Exception e) {
            throw new AssertionError("restart failed", e);
        }
        Await.until("both reconnect", 10_000, () -> a.transport().isConnected() && b.transport().isConnected());
        Await.until("b sees a's ids again", 20_000, () -> b.seen().remoteValues.containsKey("a.temp")
                && b.seen().remoteActions.containsKey("a.ping"));
        a.transport().publish("a.temp", 33.0, 5);
        Await.until("values flow again", () -> Double.valueOf(33.0).equals(b.seen().lastValues.get("a.temp")));
        try {
            assertEquals("pong", b.transport().call("a.ping", List.of(), Duration.ofSeconds(5)).get(5,
                    TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSecondClaimOfAnIdIsRefusedOnBothSidesAndTheClaimantKeepsWorking() throws Exception {
        Peer a = start("a");
        Peer b = start("b");
        a.transport().register(List.of(number("shared.temp")), List.of());
        Await.until("b sees a's claim", () -> "a".equals(b.seen().remoteValues.get("shared.temp")));
        Peer c = start("c", SECRET, true, List.of(number("shared.temp"), number("c.own")));
        Await.until("c is told", 20_000, () -> c.seen().problems, list -> list.stream().anyMatch(
                p -> p.code().equals(TransportProblem.DUPLICATE_ID) && p.id().equals("shared.temp")
                        && p.owner().equals("a")));
        TransportProblem p = c.seen().problems.get(0);
        assertTrue(p.message().contains("shared.temp") && p.message().contains("'a'"), p.message());
        Await.until("c's other id is accepted", () -> "c".equals(b.seen().remoteValues.get("c.own")));
        assertEquals("a", b.seen().remoteValues.get("shared.temp"), "the first owner keeps the id");
        assertFalse(c.seen().remoteValues.containsKey("shared.temp"), "the claimant keeps its own");

        c.transport().publish("c.own", 7.0, 1);
        Await.until("c still publishes", () -> Double.valueOf(7.0).equals(b.seen().lastValues.get("c.own")));
        a.transport().publish("shared.temp", 1.0, 1);
        Await.until("a's value flows", () -> Double.valueOf(1.0).equals(b.seen().lastValues.get("shared.temp")));
        assertTrue(c.transport().isConnected());

        a.transport().close();
        Await.until("c takes over the id once a has gone", () -> "c".equals(b.seen().remoteValues.get("shared.temp")));
    }

    @Test
    void aWrongSecretIsRejected() {
        Peer intruder = start("intruder", "wrong-secret", false);
        Await.until("the intruder is told", () -> intruder.seen().hasProblem(TransportProblem.AUTH_FAILED));
        assertFalse(intruder.transport().isConnected());
        assertEquals(0, intruder.seen().connects.get());
        Peer b = start("b");
        assertTrue(b.transport().isConnected(), "others still connect");
    }

    @Test
    void aSlowSubscriberGetsCoalescedValuesAndTheLatestOfEach() {
        Peer a = start("a");
        Peer slow = start("slow");
        int ids = 10;
        List<ValueDescriptor> values = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            values.add(new ValueDescriptor("a.text" + i, null, ValueKind.STRING, ValueRole.SENSOR, "comp",
                    Map.of()));
        }
        a.transport().register(values, List.of());
        Await.until("slow sees a's ids", () -> slow.seen().remoteValues.size() == ids);
        slow.seen().gate = new CountDownLatch(1);
        String padding = "x".repeat(400);
        int perId = 8_000;
        long start = System.nanoTime();
        for (int n = 0; n < perId; n++) {
            for (int i = 0; i < ids; i++) {
                a.transport().publish("a.text" + i, padding + n, n);
            }
        }
        long publishMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(publishMillis < 10_000, "publishing never blocks on a slow subscriber: " + publishMillis + " ms");
        slow.seen().gate.countDown();
        slow.seen().gate = null;
        Await.until("slow gets the latest of every id", 15_000, () -> {
            for (int i = 0; i < ids; i++) {
                if (!(padding + (perId - 1)).equals(slow.seen().lastValues.get("a.text" + i))) {
                    return false;
                }
            }
            return true;
        });
        long received = slow.seen().events.get();
        assertTrue(received < (long) ids * perId, "coalesced: " + received + " of " + ids * perId);
        assertBoundedQueue("slow", ids);
    }
}
