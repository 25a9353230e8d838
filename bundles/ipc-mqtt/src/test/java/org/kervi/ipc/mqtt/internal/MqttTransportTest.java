package org.kervi.ipc.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRole;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.Await;
import org.kervi.ipc.api.RecordingListener;
import org.kervi.ipc.api.RestartablePort;
import org.kervi.ipc.api.ValueDescriptor;
import org.kervi.testkit.Mosquitto;

/** What only a broker transport has: retained state, the last will, broker restarts, hostile publishers, ACLs. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttTransportTest {
    private static final AtomicInteger APPS = new AtomicInteger();
    private final String app = "t" + APPS.incrementAndGet();
    private final List<AutoCloseable> closing = new ArrayList<>();
    @TempDir
    Path dir;

    private record Peer(MqttTransport transport, RecordingListener seen) {}

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private Mosquitto broker(Mosquitto.Builder builder) {
        Mosquitto m = builder.port(RestartablePort.find()).build().start();
        closing.add(m);
        return m;
    }

    private Peer peer(String url, String instance, List<ValueDescriptor> values, List<ActionDescriptor> actions) {
        MqttTransport t = new MqttTransport(MqttSettings.plain(url, null, null, app, instance, 1));
        closing.add(t);
        RecordingListener seen = new RecordingListener();
        t.register(values, actions);
        t.subscribe(List.of("*"));
        t.start(seen);
        Await.until(instance + " connected", 10_000, t::isConnected);
        return new Peer(t, seen);
    }

    private static ValueDescriptor number(String id) {
        return new ValueDescriptor(id, id, ValueKind.NUMBER, ValueRole.SENSOR, "comp", Map.of("min", 0.0, "max", 100.0));
    }

    private static ActionDescriptor action(String id) {
        return new ActionDescriptor(id, id, "comp", List.of(new ParameterInfo("a", "number")), "number", "",
                ActionConcurrency.SERIAL, Duration.ofSeconds(5));
    }

    private MqttClient raw(String url, String clientId) throws Exception {
        MqttClient c = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        c.connect(o);
        closing.add(() -> {
            if (c.isConnected()) {
                c.disconnect();
            }
            c.close();
        });
        return c;
    }

    @Test
    void aRestartedOwnersIdsComeBackWithTheirLastValuesFromTheBroker() {
        Mosquitto m = broker(Mosquitto.in(dir));
        Peer a = peer(m.url(), "a", List.of(number("a.temp")), List.of());
        a.transport().publish("a.temp", 7.0, 1);
        Peer b = peer(m.url(), "b", List.of(), List.of());
        Await.until("b gets 7.0", () -> Double.valueOf(7.0).equals(b.seen().lastValues.get("a.temp")));
        a.transport().close();
        Await.until("a.temp leaves b", () -> !b.seen().remoteValues.containsKey("a.temp"));
        b.seen().lastValues.clear();

        // a comes back and publishes nothing yet: the broker's retained value is what everyone gets
        Peer again = peer(m.url(), "a", List.of(number("a.temp")), List.of());
        Await.until("a.temp is back at b", () -> "a".equals(b.seen().remoteValues.get("a.temp")));
        Await.until("with its last value", () -> Double.valueOf(7.0).equals(b.seen().lastValues.get("a.temp")));
        Peer late = peer(m.url(), "late", List.of(), List.of());
        Await.until("a late subscriber too", () -> Double.valueOf(7.0).equals(late.seen().lastValues.get("a.temp")));
        assertTrue(again.transport().isConnected());
    }

    @Test
    void anIdFollowedByNameBeforeEverythingIsSubscribedGetsEachEventOnce() {
        Mosquitto m = broker(Mosquitto.in(dir));
        Peer a = peer(m.url(), "a", List.of(number("a.temp")), List.of());
        MqttTransport b = new MqttTransport(MqttSettings.plain(m.url(), null, null, app, "b", 1));
        closing.add(b);
        RecordingListener seen = new RecordingListener();
        b.start(seen);
        Await.until("b connected", 10_000, b::isConnected);
        b.subscribe(List.of("a.temp")); // as the bridge does for a linked input, before it subscribes "*"
        b.subscribe(List.of("*"));
        Await.until("b sees a.temp", () -> seen.remoteValues.containsKey("a.temp"));
        List<Object> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        seen.onEvent = (id, v) -> got.add(v);
        a.transport().publish("a.temp", 0.0, 0);
        Await.until("the subscriptions are in place", () -> got.contains(0.0));
        got.clear();
        List<Object> sent = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            a.transport().publish("a.temp", (double) i, i);
            sent.add((double) i);
        }
        Await.until("b gets the last", () -> got.contains(20.0));
        assertEquals(sent, got, "each event once, in order");
    }

    @Test
    void derivedValuesThatNoOneNamesAreSampledAndNamingThemBringsEveryChange() {
        Mosquitto m = broker(Mosquitto.in(dir));
        Peer a = peer(m.url(), "a", List.of(number("a.input")), List.of());
        Peer b = peer(m.url(), "b", List.of(), List.of());
        Await.until("b sees a.input", () -> b.seen().remoteValues.containsKey("a.input"));
        int n = 10_000;
        for (int i = 1; i <= n; i++) {
            a.transport().publishDerived("a.input", (double) (i % 100), i);
        }
        Await.until("b gets the latest", 5000, () -> b.seen().lastValues.get("a.input"),
                v -> Double.valueOf(0.0).equals(v));
        long sampled = b.seen().events.get();
        assertTrue(sampled < n / 10, "sampled: " + sampled + " of " + n);

        b.transport().subscribe(List.of("a.input"));
        Await.until("a learns that b names a.input", () -> a.transport().namedByOthers("a.input"));
        List<Object> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        b.seen().onEvent = (id, v) -> got.add(v);
        for (int i = 1; i <= 50; i++) {
            a.transport().publishDerived("a.input", (double) i, n + i);
        }
        Await.until("b gets the last", () -> got.contains(50.0));
        assertEquals(50, got.size(), "every change once: " + got);

        b.transport().close();
        Await.until("a forgets b's demand once b is gone", () -> !a.transport().namedByOthers("a.input"));
    }

    /** An owner whose values go at QoS 1: ten unacknowledged messages fill the window, so a burst backlogs it. */
    private MqttTransport backloggedOwner(String url, String valueId) {
        MqttTransport owner = new MqttTransport(new MqttSettings(url, null, null, "kervi", app, "a", 1, 10, 1000,
                1, 1, 256 * 1024, 1000, Duration.ofSeconds(10), null, false));
        closing.add(owner);
        owner.register(List.of(number(valueId)), List.of());
        owner.start(new RecordingListener());
        Await.until("a connected", 10_000, owner::isConnected);
        return owner;
    }

    @Test
    void valuesFlowAgainAfterTheLinkWasLostWhileABatchWaited() throws Exception {
        Mosquitto m = broker(Mosquitto.in(dir));
        CuttableProxy proxy = new CuttableProxy(m.port());
        closing.add(proxy);
        MqttTransport owner = backloggedOwner(proxy.url(), "a.count");
        Peer b = peer(m.url(), "b", List.of(), List.of());
        Await.until("b sees a.count", () -> b.seen().remoteValues.containsKey("a.count"));
        proxy.freeze(); // no acknowledgement comes back: the window fills and the rest waits in the value stream
        for (int i = 1; i <= 900; i++) {
            owner.publish("a.count", (double) i, i);
        }
        Await.until("a notices the silent link (keep-alive 1 s)", 15_000, () -> !owner.isConnected());
        proxy.thaw();
        Await.until("a reconnects", 15_000, owner::isConnected);
        owner.publish("a.count", 5000.0, 5000);
        Await.until("b gets what was published after the reconnect",
                () -> Double.valueOf(5000.0).equals(b.seen().lastValues.get("a.count")));
    }

    @Test
    void aBackloggedOwnerBatchesItsEventsOnItsStreamInOrderAndKeepsTheRetainedValueCurrent() throws Exception {
        Mosquitto m = broker(Mosquitto.in(dir));
        MqttTransport owner = backloggedOwner(m.url(), "a.count");
        Peer b = peer(m.url(), "b", List.of(), List.of());
        Await.until("b sees a.count", () -> b.seen().remoteValues.containsKey("a.count"));
        List<Object> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        b.seen().onEvent = (id, v) -> got.add(v);
        int n = 900; // below the queue size: nothing is coalesced
        long messagesBefore = owner.status().framesOut();
        List<Object> sent = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            owner.publish("a.count", (double) i, i);
            sent.add((double) i);
        }
        Await.until("b gets the last", 10_000, () -> got.contains((double) n));
        assertEquals(sent, got, "every event once, in order");
        long messages = owner.status().framesOut() - messagesBefore;
        assertTrue(messages < n / 2, "batched: " + messages + " messages for " + n + " events");

        Peer late = peer(m.url(), "late", List.of(), List.of());
        Await.until("a late joiner gets the latest", () -> Double.valueOf(n).equals(late.seen().lastValues
                .get("a.count")));
        MqttClient tool = raw(m.url(), "tool");
        CompletableFuture<String> retained = new CompletableFuture<>();
        tool.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
            new org.eclipse.paho.mqttv5.common.MqttSubscription("kervi/" + app + "/value/a.count", 0)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, msg) -> {
                    if (msg.isRetained()) {
                        retained.complete(new String(msg.getPayload(), StandardCharsets.UTF_8));
                    }
                }});
        String current = retained.get(10, TimeUnit.SECONDS);
        assertTrue(current.contains("\"v\":" + (double) n) || current.contains("\"v\":" + n),
                "another tool finds the latest on the retained topic: " + current);
    }

    @Test
    void aSubscriberWhoseEventsTheBrokerDroppedStillGetsTheLatestOfEachIdFromTheStateDigest() throws Exception {
        Mosquitto m = broker(Mosquitto.in(dir).line("max_queued_messages 50"));
        CuttableProxy proxy = new CuttableProxy(m.port());
        closing.add(proxy);
        int ids = 10;
        List<ValueDescriptor> values = new ArrayList<>();
        for (int i = 0; i < ids; i++) {
            values.add(new ValueDescriptor("a.v" + i, null, ValueKind.STRING, ValueRole.SENSOR, "comp", Map.of()));
        }
        Peer a = peer(m.url(), "a", values, List.of());
        MqttTransport slow = new MqttTransport(MqttSettings.plain(proxy.url(), null, null, app, "slow", 30));
        closing.add(slow);
        RecordingListener seen = new RecordingListener();
        slow.subscribe(List.of("*"));
        slow.start(seen);
        Await.until("slow sees a's ids", 10_000, () -> seen.remoteValues.size() == ids);
        proxy.hold(); // the broker's writes to slow stop draining: it queues a few, then drops
        String padding = "x".repeat(1000);
        String dropped = "being dropped for client kervi-" + app + "-slow";
        long deadline = System.nanoTime() + 20_000_000_000L;
        int n = 0;
        while (!brokerLog(m).contains(dropped)) { // the loopback socket buffers take megabytes first
            assertTrue(System.nanoTime() < deadline, "the broker did not drop events for slow within 20 s");
            for (int k = 0; k < 500; k++) {
                n++;
                for (int i = 0; i < ids; i++) {
                    a.transport().publish("a.v" + i, padding + n, n);
                }
            }
        }
        int last = n;
        Thread.sleep(1000); // the scenario, not a wait: slow reads nothing for a second after the last change
        proxy.release();
        Await.until("slow gets the latest of every id", 15_000, () -> {
            for (int i = 0; i < ids; i++) {
                if (!(padding + last).equals(seen.lastValues.get("a.v" + i))) {
                    return false;
                }
            }
            return true;
        });
        assertTrue(seen.events.get() < (long) ids * last, "events were dropped on the way: " + seen.events.get());
    }

    private static String brokerLog(Mosquitto m) {
        try {
            return java.nio.file.Files.readString(m.log());
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void anInstanceThatGoesSilentIsGoneWithinTheKeepAliveByItsLastWillAndItsCallsFail() throws Exception {
        Mosquitto m = broker(Mosquitto.in(dir));
        CuttableProxy proxy = new CuttableProxy(m.port());
        closing.add(proxy);
        Peer a = peer(proxy.url(), "a", List.of(number("a.temp")), List.of(action("a.hang")));
        a.seen().actions.put("a.hang", (id, args) -> new CompletableFuture<>());
        Peer b = peer(m.url(), "b", List.of(), List.of());
        Await.until("b sees a", () -> b.seen().remoteValues.containsKey("a.temp")
                && b.seen().remoteActions.containsKey("a.hang"));
        CompletableFuture<Object> call = b.transport().call("a.hang", List.of(1), Duration.ofSeconds(30));
        long start = System.currentTimeMillis();
        proxy.freeze(); // no DISCONNECT, no FIN: only the keep-alive (1 s) tells the broker
        Await.until("a's ids leave b", 15_000, () -> b.seen().remoteValues.isEmpty()
                && b.seen().remoteActions.isEmpty());
        long gone = System.currentTimeMillis() - start;
        // Mosquitto declares a client gone after 1.5 keep-alives, checked about once a second; the rest is slack
        // for a busy 2-core machine (4.3 s were seen at load 32)
        assertTrue(gone <= 1500 + 1000 + 5000, "gone within 1.5 keep-alives and the broker's check: " + gone + " ms");
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
        assertEquals(ActionError.OWNER_GONE, assertInstanceOf(ActionException.class, e.getCause()).error());
    }

    @Test
    void aBrokerRestartMidRunFailsPendingCallsCleanlyAndRepublishesEverything() throws Exception {
        Mosquitto m = broker(Mosquitto.in(dir));
        Peer a = peer(m.url(), "a", List.of(number("a.temp")), List.of(action("a.hang"), action("a.ping")));
        java.util.concurrent.CountDownLatch called = new java.util.concurrent.CountDownLatch(1);
        a.seen().actions.put("a.hang", (id, args) -> {
            called.countDown();
            return new CompletableFuture<>();
        });
        a.seen().actions.put("a.ping", (id, args) -> CompletableFuture.completedFuture("pong"));
        a.transport().publish("a.temp", 12.0, 1);
        Peer b = peer(m.url(), "b", List.of(), List.of());
        Await.until("b sees a", () -> b.seen().remoteActions.size() == 2);
        CompletableFuture<Object> pending = b.transport().call("a.hang", List.of(1), Duration.ofSeconds(60));
        Await.until("a got the call", () -> called.getCount() == 0);

        m.kill(); // a crash: the broker without persistence forgets every retained message
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertEquals(ActionError.OWNER_GONE, assertInstanceOf(ActionException.class, e.getCause()).error());
        m.start();
        Await.until("both reconnect", 15_000, () -> a.transport().isConnected() && b.transport().isConnected());
        Await.until("b sees a's ids again", 5000, () -> b.seen().remoteActions.size() == 2
                && b.seen().remoteValues.containsKey("a.temp"));
        assertEquals("pong", b.transport().call("a.ping", List.of(), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS));
        Peer late = peer(m.url(), "late", List.of(), List.of());
        Await.until("the republished directory and last value reach a newcomer", 5000,
                () -> late.seen().remoteActions.size() == 2
                        && Double.valueOf(12.0).equals(late.seen().lastValues.get("a.temp")));
    }

    @Test
    void badInputOnAnyTopicIsRefusedWithAReasonAndTheTransportKeepsWorking() throws Exception {
        Mosquitto m = broker(Mosquitto.in(dir).line("message_size_limit 0"));
        Peer a = peer(m.url(), "a", List.of(number("a.temp")), List.of(action("a.ping")));
        a.seen().actions.put("a.ping", (id, args) -> CompletableFuture.completedFuture("pong"));
        Peer b = peer(m.url(), "b", List.of(), List.of());
        Await.until("b sees a", () -> b.seen().remoteActions.containsKey("a.ping"));
        MqttClient evil = raw(m.url(), "evil");
        String root = "kervi/" + app + "/";
        byte[][] garbage = {"{{{".getBytes(StandardCharsets.UTF_8), "[1,2]".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xff, (byte) 0xfe}, "{\"v\":{\"nested\":1},\"ts\":1}".getBytes(StandardCharsets.UTF_8),
            "{\"v\":1,\"ts\":\"soon\"}".getBytes(StandardCharsets.UTF_8), new byte[300 * 1024]};
        for (byte[] payload : garbage) {
            evil.publish(root + "value/a.temp", new MqttMessage(payload, 1, false, null));
            evil.publish(root + "dir/value/x.y", new MqttMessage(payload, 1, false, null));
            evil.publish(root + "presence/x", new MqttMessage(payload, 1, false, null));
        }
        evil.publish(root + "dir/value/x.z", new MqttMessage(("{\"owner\":\"x\",\"claimed\":1,\"entry\":{\"id\":"
                + "\"other\",\"kind\":\"number\",\"role\":\"sensor\"}}").getBytes(StandardCharsets.UTF_8), 1, false,
                null));
        evil.publish(root + "call/a/a.ping", new MqttMessage("{\"args\":[]}".getBytes(StandardCharsets.UTF_8), 1,
                false, null)); // no response topic: cannot be answered
        // each garbage payload on three topics, the entry naming another id; and the call only at its owner
        long expected = 3L * garbage.length + 1;
        Await.until("every bad message was refused", 10_000,
                () -> b.transport().refused() == expected && a.transport().refused() == expected + 1);

        // a malformed call that can be answered is answered with the reason
        MqttProperties props = new MqttProperties();
        props.setResponseTopic(root + "reply/evil");
        props.setCorrelationData(new byte[16]);
        CompletableFuture<MqttMessage> answer = new CompletableFuture<>();
        evil.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
            new org.eclipse.paho.mqttv5.common.MqttSubscription(root + "reply/evil", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, msg) -> answer.complete(msg)});
        evil.publish(root + "call/a/a.ping", new MqttMessage("{\"args\":\"not a list\"}"
                .getBytes(StandardCharsets.UTF_8), 1, false, props));
        String reply = new String(answer.get(10, TimeUnit.SECONDS).getPayload(), StandardCharsets.UTF_8);
        assertTrue(reply.contains("BAD_ARGUMENTS") && reply.contains("'args' must be an array"), reply);

        a.transport().publish("a.temp", 5.0, 2);
        Await.until("values still flow", () -> Double.valueOf(5.0).equals(b.seen().lastValues.get("a.temp")));
        assertEquals("pong", b.transport().call("a.ping", List.of(), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS));
        assertFalse(b.seen().remoteValues.containsKey("x.y") || b.seen().remoteValues.containsKey("other"),
                "no bad entry reached the directory");
        assertTrue(a.transport().isConnected() && b.transport().isConnected());
    }

    @Test
    void theDocumentedAclKeepsAnotherApplicationsClientsOutOfThisApplicationsTopics() throws Exception {
        Path acl = dir.resolve("acl");
        java.nio.file.Files.writeString(acl, String.join("\n",
                "# docs/ipc-protocol.md, MQTT transport: one broker user per application",
                "user app-a", "topic readwrite kervi/app-a/#",
                "user app-b", "topic readwrite kervi/app-b/#",
                "user observer", "topic read kervi/#", ""));
        Mosquitto m = broker(Mosquitto.in(dir).user("app-a", "pa").user("app-b", "pb").user("observer", "po")
                .line("acl_file " + acl.toAbsolutePath()));
        MqttClient observer = client(m.url(), "observer", "po");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        observer.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
            new org.eclipse.paho.mqttv5.common.MqttSubscription("kervi/#", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(t, msg) -> seen.add(t)});
        MqttClient b = client(m.url(), "app-b", "pb");
        publishDenied(b, "kervi/app-a/value/a.temp", "{\"v\":99,\"ts\":1}");
        publishDenied(b, "kervi/app-a/dir/value/a.temp", "{}");
        b.publish("kervi/app-b/value/marker", new MqttMessage("{\"v\":1,\"ts\":1}".getBytes(StandardCharsets.UTF_8),
                1, false, null));
        Await.until("the observer gets app-b's own message", () -> seen.contains("kervi/app-b/value/marker"));
        assertEquals(List.of("kervi/app-b/value/marker"), seen, "nothing of app-b's reached app-a's topics");
        MqttClient a = client(m.url(), "app-a", "pa");
        a.publish("kervi/app-a/value/a.temp", new MqttMessage("{\"v\":1,\"ts\":1}".getBytes(StandardCharsets.UTF_8),
                1, false, null));
        Await.until("app-a writes its own topics", () -> seen.contains("kervi/app-a/value/a.temp"));
    }

    /** Mosquitto drops a denied publish; to an MQTT 5 client it may also answer "not authorized" (0x87). */
    private static void publishDenied(MqttClient c, String topic, String payload) throws Exception {
        try {
            c.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, true, null));
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            assertEquals(0x87, e.getReasonCode(), e.toString());
        }
    }

    private MqttClient client(String url, String user, String password) throws Exception {
        MqttClient c = new MqttClient(url, user + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(user);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        c.connect(o);
        closing.add(() -> {
            if (c.isConnected()) {
                c.disconnect();
            }
            c.close();
        });
        return c;
    }
}
