package org.kervi.ipc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.components.Controller;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.EnumValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.api.values.ValueRole;
import org.kervi.core.internal.Core;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.Await;
import org.kervi.ipc.api.RestartablePort;
import org.kervi.ipc.api.Transport;
import org.kervi.ipc.api.TransportListener;
import org.kervi.api.status.TransportStatus;
import org.kervi.ipc.api.ValueDescriptor;
import org.kervi.ipc.internal.tcp.ClientSettings;
import org.kervi.ipc.internal.tcp.HubSettings;
import org.kervi.ipc.internal.tcp.TcpClientTransport;
import org.kervi.ipc.internal.tcp.TcpHub;

/** Two in-JVM instances, each a real core and bridge, linked through a real hub on an ephemeral port. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IpcBridgeTest {
    private static final byte[] SECRET = "bridge-secret".getBytes(StandardCharsets.UTF_8);
    private static final long HEARTBEAT_TIMEOUT = 1000;
    private TcpHub hub;
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** A sensor-like component owned by instance A. */
    public static final class Fan extends KerviComponent {
        final NumberValue load = addValue(new NumberValue("cpu_load", "CPU load")).range(0, 100).unit("%");
        final EnumValue mode = addValue(new EnumValue("fan.mode", "Mode")).option("auto").option("manual", "Manual");
        final CountDownLatch hang = new CountDownLatch(1);

        public Fan() {
            super("fan", "Fan");
            load.role(ValueRole.SENSOR);
        }

        @Action
        public double speed(double percent) {
            if (percent < 0) {
                throw new IllegalArgumentException("negative speed " + percent);
            }
            return percent * 2;
        }

        @Action(timeoutMillis = 20_000)
        public void block() throws InterruptedException {
            hang.await(20, TimeUnit.SECONDS);
        }
    }

    /** A controller in instance B whose input follows A's cpu_load. */
    public static final class Follower extends Controller {
        final NumberValue temp = inputs().number("temp", "Temperature").range(0, 150);

        public Follower() {
            super("follower", "Follower");
            temp.linkTo("cpu_load");
        }

        @Override
        protected void inputChanged(Value<?> input) {}
    }

    /** Records what a bridge publishes and claims, and passes everything on. */
    static final class Recording implements Transport {
        final Transport delegate;
        final List<String> published = new CopyOnWriteArrayList<>();
        final List<String> derived = new CopyOnWriteArrayList<>();
        final List<String> claimed = new CopyOnWriteArrayList<>();

        Recording(Transport delegate) {
            this.delegate = delegate;
        }

        @Override
        public String instanceId() {
            return delegate.instanceId();
        }

        @Override
        public void start(TransportListener listener) {
            delegate.start(listener);
        }

        @Override
        public boolean isConnected() {
            return delegate.isConnected();
        }

        @Override
        public void register(Collection<ValueDescriptor> values, Collection<ActionDescriptor> actions) {
            values.forEach(v -> claimed.add(v.id()));
            actions.forEach(a -> claimed.add(a.id()));
            delegate.register(values, actions);
        }

        @Override
        public void unregister(Collection<String> ids) {
            delegate.unregister(ids);
        }

        @Override
        public void subscribe(Collection<String> ids) {
            delegate.subscribe(ids);
        }

        @Override
        public void publish(String valueId, Object value, long timestampMillis) {
            published.add(valueId);
            delegate.publish(valueId, value, timestampMillis);
        }

        @Override
        public void publishDerived(String valueId, Object value, long timestampMillis) {
            derived.add(valueId);
            delegate.publishDerived(valueId, value, timestampMillis);
        }

        @Override
        public CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout) {
            return delegate.call(actionId, args, timeout);
        }

        @Override
        public CompletableFuture<Void> write(String valueId, Object value) {
            return delegate.write(valueId, value);
        }

        @Override
        public TransportStatus status() {
            return delegate.status();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private final class Instance implements AutoCloseable {
        final Core core;
        IpcBridge bridge;
        Recording transport;

        Instance(String id) {
            core = new Core(id);
            closing.add(this);
        }

        Instance connect() {
            transport = new Recording(new TcpClientTransport(new ClientSettings("127.0.0.1", hub.port(),
                    "bridge-test", core.registry.instanceId(),
                    org.kervi.ipc.internal.tcp.Hmac.instanceKey(SECRET, "bridge-test", core.registry.instanceId()), 1 << 20, 1000, 100, HEARTBEAT_TIMEOUT, 5000,
                    200)));
            bridge = new IpcBridge(core.registry, core.actions, transport, core::addHandler);
            bridge.start();
            Await.until(core.registry.instanceId() + " connected", transport::isConnected);
            return this;
        }

        void disconnect() {
            bridge.close();
        }

        @Override
        public void close() {
            if (bridge != null) {
                bridge.close();
            }
            core.close();
        }
    }

    @BeforeEach
    void startHub() throws Exception {
        hub = new TcpHub(new HubSettings("127.0.0.1", RestartablePort.find(), "bridge-test", SECRET, 1 << 20, 1000, 100, HEARTBEAT_TIMEOUT))
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        hub.close();
    }

    /** A standalone value in instance B that follows A's cpu_load and may itself be followed (an input may not). */
    public static final class Relay extends KerviComponent {
        final NumberValue level = addValue(new NumberValue("relay.level", "Relayed load"));

        public Relay() {
            super("relay", "Relay");
            level.linkTo("cpu_load");
        }
    }

    /** A controller in instance C whose input follows B's relay.level: a chain of links. */
    public static final class Chained extends Controller {
        final NumberValue temp = inputs().number("temp", "Temperature");
        final List<Double> seen = new CopyOnWriteArrayList<>();

        public Chained() {
            super("chained", "Chained");
            temp.linkTo("relay.level");
            temp.addListener(change -> seen.add(change.current().doubleValue()));
        }

        @Override
        protected void inputChanged(Value<?> input) {}
    }

    private record Linked(Instance a, Fan fan, Instance b, Follower follower) {}

    /** A owns the fan (cpu_load = {@code load}); B's follower is linked to it and has the value. */
    private Linked linked(double load) {
        Instance a = new Instance("a").connect();
        Fan fan = a.core.add(new Fan());
        fan.load.set(load);
        Instance b = new Instance("b").connect();
        Follower f = b.core.add(new Follower());
        Await.until("linked", () -> resolved(b, "follower.temp") && f.temp.doubleValue() == load);
        return new Linked(a, fan, b, f);
    }

    private static boolean resolved(Instance i, String inputId) {
        return i.core.registry.links().stream().anyMatch(l -> l.inputId().equals(inputId) && l.resolved());
    }

    @Test
    void aValueSetInOneInstanceReachesALinkedInputInTheOther() {
        Instance a = new Instance("a").connect();
        Fan fan = a.core.add(new Fan());
        fan.load.set(12.5);
        Instance b = new Instance("b").connect();
        Follower f = b.core.add(new Follower());

        Await.until("b's link resolves to a's cpu_load", () -> resolved(b, "follower.temp"));
        Await.until("the late link gets the current value", () -> f.temp.doubleValue() == 12.5);
        LinkInfo link = b.core.registry.links().get(0);
        assertEquals("a", link.sourceOwner());

        fan.load.set(40);
        Await.until("b's input follows", () -> f.temp.doubleValue() == 40.0);

        ValueEntry proxy = b.core.registry.value("cpu_load").orElseThrow();
        assertFalse(proxy.local());
        assertEquals("a", proxy.owner());
        assertEquals(ValueKind.NUMBER, proxy.value().kind());
        assertEquals(ValueRole.SENSOR, proxy.value().role());
        assertEquals("%", ((NumberValue) proxy.value()).unit());
        assertEquals(100.0, ((NumberValue) proxy.value()).max());
        EnumValue mode = (EnumValue) b.core.registry.value("fan.mode").orElseThrow().value();
        assertEquals(List.of("auto", "manual"), List.copyOf(mode.options().keySet()));
        Await.until("B's values appear in A too", () -> a.core.registry.value("follower.temp").isPresent());
        assertFalse(a.core.registry.value("cpu_load").get().value() != fan.load, "A keeps its own value");
    }

    @Test
    void proxiesAreNeverPublishedBack() {
        Instance a = new Instance("a").connect();
        Fan fan = a.core.add(new Fan());
        Instance b = new Instance("b").connect();
        Await.until("b has the proxy", () -> b.core.registry.value("cpu_load").isPresent());
        ValueEntry entry = b.core.registry.value("cpu_load").get();
        assertEquals(List.of("fan", "a", false), List.of(entry.componentId(), entry.owner(), entry.local()),
                "the proxy knows its component and owner");
        fan.load.set(5);
        Await.until("b got 5", () -> Double.valueOf(5).equals(b.core.registry.value("cpu_load").get().value().get()));
        // a proxy set in B (as by an event) must not go back out: A's value is A's alone
        @SuppressWarnings("unchecked")
        Value<Object> proxy = (Value<Object>) b.core.registry.value("cpu_load").get().value();
        proxy.set(77.0);
        fan.load.set(6);
        Await.until("b got 6", () -> Double.valueOf(6).equals(proxy.get()));
        assertEquals(6.0, fan.load.get());
        assertFalse(b.transport.published.contains("cpu_load"), "b never publishes a proxy: " + b.transport.published);
        assertFalse(b.transport.claimed.contains("cpu_load"), "b never claims a's id");
        assertTrue(a.transport.published.contains("cpu_load"), "the owner does publish");
        assertTrue(b.transport.claimed.isEmpty(), "b owns nothing: " + b.transport.claimed);
    }

    @Test
    void aLinkedValueIsPublishedAsDerivedAndAnInstanceLinkingToItGetsEveryChange() {
        Linked l = linked(1);
        Instance a = l.a();
        Instance b = l.b();
        b.transport.published.clear(); // registering announced the current value in full
        for (int i = 2; i <= 50; i++) {
            l.fan().load.set(i);
        }
        Await.until("a's view of b's input gets the latest", () -> a.core.registry.value("follower.temp")
                .map(e -> Double.valueOf(50).equals(e.value().get())).orElse(false));
        assertTrue(b.transport.derived.contains("follower.temp"), "link-driven changes go out as derived");
        assertFalse(b.transport.published.contains("follower.temp"), "and only so: " + b.transport.published);

        b.core.add(new Relay());
        Instance c = new Instance("c").connect();
        Chained chained = c.core.add(new Chained());
        Await.until("c's link resolves", () -> resolved(c, "chained.temp"));
        double[] next = {100};
        Await.until("c gets every change of b's linked value once b knows c follows it", 10_000, () -> {
            chained.seen.clear();
            List<Double> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                next[0]++;
                sent.add(next[0]);
                l.fan().load.set(next[0]);
            }
            long deadline = System.currentTimeMillis() + 2000;
            while (!chained.seen.contains(next[0]) && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            return chained.seen.equals(sent);
        });
    }

    @Test
    void writesFromAnotherInstanceGoToTheOwnerWithItsChecks() throws Exception {
        Instance a = new Instance("a").connect();
        Instance b = new Instance("b").connect();
        Follower f = b.core.add(new Follower());
        Await.until("a has b's input", () -> a.core.registry.value("follower.temp").isPresent());
        a.core.registry.setValue("follower.temp", "42").get(5, TimeUnit.SECONDS);
        assertEquals(42.0, f.temp.get());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> a.core.registry.setValue("follower.temp", 500).get(5, TimeUnit.SECONDS));
        assertInstanceOf(ValueRejectedException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("out of range"), e.getCause().getMessage());
    }

    @Test
    void anInstanceCallsTheOthersActionAndGetsTheResultOrTheError() throws Exception {
        Instance a = new Instance("a").connect();
        a.core.add(new Fan());
        Instance b = new Instance("b").connect();
        Await.until("b knows fan.speed", () -> b.core.actions.action("fan.speed").isPresent());
        ActionInfo info = b.core.actions.action("fan.speed").get();
        assertFalse(info.local());
        assertEquals("a", info.owner());
        assertEquals("percent", info.parameters().get(0).name());

        assertEquals(50.0, b.core.actions.call("fan.speed", 25).get(5, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> b.core.actions.call("fan.speed", -1).get(5, TimeUnit.SECONDS));
        ActionException e = assertInstanceOf(ActionException.class, failed.getCause());
        assertEquals(ActionError.FAILED, e.error());
        assertEquals(IllegalArgumentException.class.getName(), e.remoteType());
        assertEquals("negative speed -1.0", e.getMessage());

        ExecutionException bad = assertThrows(ExecutionException.class,
                () -> b.core.actions.call("fan.speed", "fast").get(5, TimeUnit.SECONDS));
        assertEquals(ActionError.BAD_ARGUMENTS, ((ActionException) bad.getCause()).error());
    }

    /** B's controller calls A's fan.speed from inputChanged, which a remote cpu_load event runs. */
    public static final class Caller extends Controller {
        final NumberValue temp = inputs().number("temp", "Temperature").range(0, 150);
        /** What waiting for the answer gave, by the input value it was called for. */
        final Map<Double, List<Object>> waited = new ConcurrentHashMap<>();
        final List<Object> chained = new CopyOnWriteArrayList<>();
        private final org.kervi.api.actions.ActionService actions;

        Caller(org.kervi.api.actions.ActionService actions) {
            super("caller", "Caller");
            this.actions = actions;
            temp.linkTo("cpu_load");
        }

        @Override
        protected void inputChanged(Value<?> input) {
            double percent = temp.doubleValue();
            Object outcome;
            try {
                outcome = actions.call("fan.speed", percent).get(10, TimeUnit.SECONDS);
            } catch (Exception | Error e) {
                outcome = e;
            }
            waited.computeIfAbsent(percent, p -> new CopyOnWriteArrayList<>()).add(outcome);
            actions.call("fan.speed", percent).whenComplete((r, e) -> chained.add(e == null ? r : e));
        }
    }

    @Test
    void waitingForAnotherInstancesAnswerInAListenerOfItsEventIsRefusedAtOnceAndChainingWorks() {
        Instance a = new Instance("a").connect();
        Fan fan = a.core.add(new Fan());
        fan.load.set(1);
        Instance b = new Instance("b").connect();
        Await.until("b knows fan.speed", () -> b.core.actions.action("fan.speed").isPresent());
        Caller caller = b.core.add(new Caller(b.core.actions));
        Await.until("linked", () -> resolved(b, "caller.temp") && caller.temp.doubleValue() == 1.0);

        long start = System.nanoTime();
        fan.load.set(20);
        Await.until("the chained call answers", () -> caller.chained.contains(40.0));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "no wait for a timeout on the way");
        List<Object> waitedFor20 = caller.waited.getOrDefault(20.0, List.of());
        assertEquals(1, waitedFor20.size(), "waited: " + caller.waited);
        IllegalStateException refused = assertInstanceOf(IllegalStateException.class, waitedFor20.get(0));
        assertTrue(refused.getMessage().startsWith("waiting for the answer of action 'fan.speed' while a listener"
                + " handles 'cpu_load' from another instance"), refused.getMessage());

        fan.load.set(30);
        Await.until("the next event is handled as well", () -> caller.chained.contains(60.0));
        assertEquals(60.0, assertDoesNotThrowGet(b.core.actions.call("fan.speed", 30.0)),
                "a wait on any other thread still gets the answer");
    }

    private static Object assertDoesNotThrowGet(CompletableFuture<Object> f) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> f.get(5, TimeUnit.SECONDS));
    }

    @Test
    void componentsComingAndGoingAreSeenByTheOtherInstance() {
        Instance a = new Instance("a").connect();
        Instance b = new Instance("b").connect();
        Fan fan = a.core.add(new Fan());
        Await.until("b sees fan's value and actions", () -> b.core.registry.value("cpu_load").isPresent()
                && b.core.actions.action("fan.speed").isPresent());
        a.core.remove(fan);
        Await.until("b drops them", () -> b.core.registry.value("cpu_load").isEmpty()
                && b.core.actions.action("fan.speed").isEmpty());
        a.core.add(new Fan());
        Await.until("b sees them again", () -> b.core.registry.value("cpu_load").isPresent()
                && b.core.actions.action("fan.speed").isPresent());
    }

    @Test
    void anOwnerGoingAwayUnresolvesLinksAndFailsCallsThenEverythingHeals() throws Exception {
        Linked l = linked(10);
        Instance a = l.a();
        Fan fan = l.fan();
        Instance b = l.b();
        Follower f = l.follower();
        Await.until("b knows fan.block", () -> b.core.actions.action("fan.block").isPresent());

        CompletableFuture<Object> running = b.core.actions.call("fan.block");
        Await.until("a runs the call", () -> a.core.actions.running("fan.block") == 1);
        long start = System.currentTimeMillis();
        a.disconnect();
        ExecutionException gone = assertThrows(ExecutionException.class, () -> running.get(5, TimeUnit.SECONDS));
        assertEquals(ActionError.OWNER_GONE, ((ActionException) gone.getCause()).error());
        Await.until("b's link is unresolved within the heartbeat timeout", HEARTBEAT_TIMEOUT,
                () -> !resolved(b, "follower.temp"));
        assertTrue(System.currentTimeMillis() - start <= HEARTBEAT_TIMEOUT + 500);
        assertTrue(b.core.registry.value("cpu_load").isEmpty());
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> b.core.actions.call("fan.speed", 1).get(5, TimeUnit.SECONDS));
        ActionError error = ((ActionException) unknown.getCause()).error();
        assertTrue(error == ActionError.UNKNOWN_ID || error == ActionError.OWNER_GONE, error.toString());
        fan.hang.countDown();

        fan.load.set(20);
        a.connect();
        Await.until("the link heals with A's current value", () -> resolved(b, "follower.temp")
                && f.temp.doubleValue() == 20.0);
        assertEquals(40.0, b.core.actions.call("fan.speed", 20).get(5, TimeUnit.SECONDS));
    }

    @Test
    void aRestartedHubIsRepairedByTheInstances() throws Exception {
        Linked l = linked(30);
        Instance b = l.b();
        Fan fan = l.fan();
        Follower f = l.follower();
        int port = hub.port();
        hub.close();
        Await.until("the link is unresolved", 20_000, () -> !resolved(b, "follower.temp"));
        fan.load.set(31);
        hub = new TcpHub(new HubSettings("127.0.0.1", port, "bridge-test", SECRET, 1 << 20, 1000, 100,
                HEARTBEAT_TIMEOUT)).start();
        Await.until("healed with the value set while the hub was away", 10_000,
                () -> resolved(b, "follower.temp") && f.temp.doubleValue() == 31.0);
    }

    /** A standalone value with a delta in instance B, writable from A. */
    public static final class Tank extends KerviComponent {
        final NumberValue level = addValue(new NumberValue("tank.level", "Level")).delta(10);

        public Tank() {
            super("tank", "Tank");
        }
    }

    @Test
    void aWriteTheOwnerDiscardsWithinDeltaLeavesBothInstancesOnTheAcceptedValue() throws Exception {
        Instance a = new Instance("a").connect();
        Instance b = new Instance("b").connect();
        Tank tank = b.core.add(new Tank());
        Await.until("a has b's tank.level", () -> a.core.registry.value("tank.level").isPresent());
        Value<?> proxy = a.core.registry.value("tank.level").get().value();
        List<Object> seenInA = new CopyOnWriteArrayList<>();
        proxy.addListener(change -> seenInA.add(change.current()));

        a.core.registry.setValue("tank.level", "20").get(5, TimeUnit.SECONDS);
        a.core.registry.setValue("tank.level", "25").get(5, TimeUnit.SECONDS);
        assertEquals(20.0, tank.level.get(), "the owner discarded 25: within 10 of 20");
        a.core.registry.setValue("tank.level", "30").get(5, TimeUnit.SECONDS);
        Await.until("a's proxy follows the owner's accepted values", () -> Double.valueOf(30).equals(proxy.get()));
        assertEquals(List.of(20.0, 30.0), seenInA, "the discarded 25 never reached a");
        assertEquals(10.0, ((Number) proxy.attributes().get("delta")).doubleValue(), "the delta shows in a");
    }

    @Test
    void linkToAfterRegistrationFollowsARemoteSourceAndOtherInstancesSeeTheLink() {
        Instance a = new Instance("a").connect();
        Fan fan = a.core.add(new Fan());
        fan.load.set(12);
        Instance b = new Instance("b").connect();
        Tank tank = b.core.add(new Tank());
        Await.until("b has a's cpu_load", () -> b.core.registry.value("cpu_load").isPresent());

        tank.level.linkTo("cpu_load");
        Await.until("the late link resolves and gets the current value",
                () -> resolved(b, "tank.level") && tank.level.doubleValue() == 12.0);
        fan.load.set(40);
        Await.until("and follows", () -> tank.level.doubleValue() == 40.0);
        Await.until("a sees the link in b's value, and its current value", () -> a.core.registry.value("tank.level")
                .map(e -> List.of("cpu_load").equals(e.value().attributes().get(Value.LINKED_TO))
                        && Double.valueOf(40).equals(e.value().get())).orElse(false));
    }

    @Test
    void anInputOfAnotherInstanceCannotBeFollowed() {
        Instance a = new Instance("a").connect();
        a.core.add(new Follower());
        Instance b = new Instance("b").connect();
        Tank tank = b.core.add(new Tank());
        Await.until("b has a's input", () -> b.core.registry.value("follower.temp").isPresent());
        tank.level.linkTo("follower.temp");
        LinkInfo link = b.core.registry.links().get(0);
        assertFalse(link.resolved());
        assertEquals("cannot link 'tank.level' to 'follower.temp': 'follower.temp' is an input; a link runs from an"
                + " output, a sensor or a standalone value into an input", link.lastError());
    }
}
