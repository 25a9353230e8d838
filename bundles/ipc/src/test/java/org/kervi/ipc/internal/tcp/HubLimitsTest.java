package org.kervi.ipc.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRole;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.Await;
import org.kervi.ipc.api.RecordingListener;
import org.kervi.ipc.api.RestartablePort;
import org.kervi.ipc.api.TransportProblem;
import org.kervi.ipc.api.ValueDescriptor;

/**
 * The hub's limits and ACL against real clients over real sockets: quotas per instance, ids reserved across an
 * owner's restart, FORBIDDEN calls and writes. "root" is the hub's own instance; the others are modules.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HubLimitsTest {
    private static final String SECRET = "limits-secret";
    private static final int MAX_IDS = 1000;
    private static final int MAX_PENDING = 5;
    private static final int EVENTS_PER_SECOND = 2000;
    private static final long RESERVATION_MILLIS = 1500;
    private final int port = RestartablePort.find();
    private final List<TcpClientTransport> clients = new ArrayList<>();
    private volatile AccessPolicy policy = AccessPolicy.rootOnly("root");
    private TcpHub hub;

    private record Client(TcpClientTransport transport, RecordingListener seen) {}

    @BeforeEach
    void startHub() throws IOException {
        hub = new TcpHub(new HubSettings("127.0.0.1", port, "test-app", SECRET.getBytes(StandardCharsets.UTF_8),
                64 * 1024, 1000, 100, 1000), new HubLimits(MAX_IDS, MAX_PENDING, EVENTS_PER_SECOND,
                RESERVATION_MILLIS), () -> policy).start();
    }

    @AfterEach
    void stop() {
        clients.forEach(TcpClientTransport::close);
        hub.close();
    }

    private Client client(String instanceId, List<ValueDescriptor> values, List<ActionDescriptor> actions) {
        TcpClientTransport t = new TcpClientTransport(new ClientSettings("127.0.0.1", port, "test-app", instanceId,
                Hmac.instanceKey(SECRET.getBytes(StandardCharsets.UTF_8), "test-app", instanceId), 64 * 1024, 1000, 100, 1000, 5000, 400));
        clients.add(t);
        RecordingListener seen = new RecordingListener();
        t.register(values, actions);
        t.subscribe(List.of("*"));
        t.start(seen);
        Await.until(instanceId + " connected", t::isConnected);
        return new Client(t, seen);
    }

    private Client client(String instanceId) {
        return client(instanceId, List.of(), List.of());
    }

    private static ValueDescriptor number(String id) {
        return new ValueDescriptor(id, "Value " + id, ValueKind.NUMBER, ValueRole.INPUT, "comp", Map.of());
    }

    private static ActionDescriptor action(String id) {
        return new ActionDescriptor(id, "Action " + id, "comp", List.of(), "string", "", ActionConcurrency.PARALLEL,
                Duration.ofSeconds(20));
    }

    private static List<ValueDescriptor> numbers(String prefix, int n) {
        List<ValueDescriptor> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(number(prefix + i));
        }
        return list;
    }

    private int idsAtHub(String instanceId) {
        return hub.instances().stream().filter(i -> i.instanceId().equals(instanceId)).mapToInt(i -> i.ids().size())
                .findFirst().orElse(-1);
    }

    private static long owned(RecordingListener seen, String owner) {
        return seen.remoteValues.values().stream().filter(owner::equals).count();
    }

    private static TransportProblem problem(RecordingListener seen, String code) {
        Await.until("a " + code + " problem", () -> seen.hasProblem(code));
        return seen.problems.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
    }

    // ---- quotas --------------------------------------------------------------------------------------

    @Test
    void anIdFloodIsRefusedAtTheQuotaAndTheOthersStayServed() {
        Client module = client("module", List.of(number("module.temp")), List.of());
        Client observer = client("observer");
        Client flooder = client("flooder");
        flooder.transport().register(numbers("flood.", 20 * MAX_IDS), List.of());

        TransportProblem quota = problem(flooder.seen(), TransportProblem.QUOTA);
        assertTrue(quota.message().contains("instance 'flooder' holds " + MAX_IDS + " ids, the limit "
                + "maxIdsPerInstance of pid org.kervi.ipc"), quota.message());
        Await.until("the hub keeps the flooder's first " + MAX_IDS + " ids", 10_000, () -> idsAtHub("flooder"),
                n -> n == MAX_IDS);
        Await.until("the observer's directory holds the flooder's quota, not its flood", 10_000,
                () -> owned(observer.seen(), "flooder"), n -> n == MAX_IDS);

        module.transport().publish("module.temp", 21.0, 1);
        Await.until("values still flow", () -> Double.valueOf(21.0).equals(observer.seen().lastValues.get(
                "module.temp")));
        assertTrue(module.transport().isConnected() && flooder.transport().isConnected(),
                "a refusal is not a disconnection");

        Client root = client("root");
        root.transport().register(numbers("root.", 2 * MAX_IDS), List.of());
        Await.until("the root has no id quota", 10_000, () -> idsAtHub("root"), n -> n == 2 * MAX_IDS);
    }

    @Test
    void callsBeyondThePendingQuotaFailAtOnceAsOverloadedNamingTheQuota() throws Exception {
        policy = new AccessPolicy("root", Map.of("caller", List.of("owner.*")), Map.of());
        Client owner = client("owner", List.of(), List.of(action("owner.hang")));
        List<CompletableFuture<Object>> held = new CopyOnWriteArrayList<>();
        owner.seen().actions.put("owner.hang", (id, args) -> {
            CompletableFuture<Object> answer = new CompletableFuture<>();
            held.add(answer);
            return answer;
        });
        Client caller = client("caller");
        Await.until("the caller sees owner.hang", () -> caller.seen().remoteActions.containsKey("owner.hang"));

        List<CompletableFuture<Object>> calls = new ArrayList<>();
        for (int i = 0; i < MAX_PENDING; i++) {
            calls.add(caller.transport().call("owner.hang", List.of(), Duration.ofSeconds(30)));
        }
        Await.until("the owner holds " + MAX_PENDING + " calls", () -> held.size() == MAX_PENDING);
        ActionException refused = assertInstanceOf(ActionException.class, failure(caller.transport().call(
                "owner.hang", List.of(), Duration.ofSeconds(30))));
        assertEquals(ActionError.OVERLOADED, refused.error());
        assertTrue(refused.getMessage().contains("instance 'caller' has " + MAX_PENDING + " calls and writes awaiting "
                + "replies at the hub, the limit maxPendingCallsPerInstance"), refused.getMessage());
        assertEquals(MAX_PENDING, held.size(), "the refused call never reached the owner");

        held.forEach(answer -> answer.complete("done"));
        for (CompletableFuture<Object> call : calls) {
            assertEquals("done", call.get(10, TimeUnit.SECONDS));
        }
        CompletableFuture<Object> again = caller.transport().call("owner.hang", List.of(), Duration.ofSeconds(30));
        Await.until("answered calls give their quota back", () -> held.size() == MAX_PENDING + 1);
        held.get(MAX_PENDING).complete("again");
        assertEquals("again", again.get(10, TimeUnit.SECONDS));
    }

    @Test
    void eventsBeyondTheRateAreCoalescedAndTheLatestArrives() {
        Client publisher = client("publisher", List.of(number("publisher.count")), List.of());
        Client subscriber = client("subscriber");
        Await.until("the subscriber sees publisher.count",
                () -> subscriber.seen().remoteValues.containsKey("publisher.count"));
        int n = 20 * EVENTS_PER_SECOND;
        long start = System.nanoTime();
        for (int i = 1; i <= n; i++) {
            publisher.transport().publish("publisher.count", (double) i, i);
        }
        Await.until("the latest event arrives", 10_000, () -> subscriber.seen().lastValues.get("publisher.count"),
                v -> Double.valueOf(n).equals(v));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long framesAtHub = hub.instances().stream().filter(i -> i.instanceId().equals("publisher"))
                .mapToLong(InstanceInfo::framesIn).findFirst().orElse(0);
        long bound = EVENTS_PER_SECOND * (elapsedMillis / 1000 + 2) + elapsedMillis / 100 + 10;
        assertTrue(framesAtHub > bound, "the publisher went over the rate at the hub (else this test proves nothing):"
                + " " + framesAtHub + " frames in " + elapsedMillis + " ms");
        long delivered = subscriber.seen().events.get();
        assertTrue(delivered <= bound, delivered + " events delivered of " + framesAtHub + " in " + elapsedMillis
                + " ms; the rate allows " + bound);
    }

    // ---- ids reserved across a restart -----------------------------------------------------------------

    @Test
    void aRestartingOwnersIdsAreReservedThenFreedForTheWaitingClaimant() {
        Client observer = client("observer");
        Client owner = client("sensors", List.of(number("cpu_load")), List.of());
        Await.until("cpu_load is the sensors'", () -> "sensors".equals(observer.seen().remoteValues.get("cpu_load")));
        Client impostor = client("impostor", List.of(number("cpu_load")), List.of());
        assertEquals("sensors", problem(impostor.seen(), TransportProblem.DUPLICATE_ID).owner());

        owner.transport().close();
        TransportProblem reserved = problem(impostor.seen(), TransportProblem.RESERVED);
        assertEquals("sensors", reserved.owner());
        assertTrue(reserved.message().contains("value id 'cpu_load' is reserved for instance 'sensors' for"),
                reserved.message());
        assertTrue(!"impostor".equals(observer.seen().remoteValues.get("cpu_load")), "the impostor got nothing");

        Client back = client("sensors", List.of(number("cpu_load")), List.of());
        Await.until("the owner has its id back", () -> "sensors".equals(observer.seen().remoteValues.get(
                "cpu_load")));
        back.transport().publish("cpu_load", 12.0, 1);
        Await.until("the owner's values flow", () -> Double.valueOf(12.0).equals(observer.seen().lastValues.get(
                "cpu_load")));

        long closedAt = System.nanoTime();
        back.transport().close();
        Await.until("after the grace the waiting claimant owns the freed id", 5_000,
                () -> observer.seen().remoteValues.get("cpu_load"), "impostor"::equals);
        long afterMillis = (System.nanoTime() - closedAt) / 1_000_000;
        assertTrue(afterMillis >= RESERVATION_MILLIS, "not before the grace: " + afterMillis + " ms");
        impostor.transport().publish("cpu_load", 99.0, 2);
        Await.until("the new owner's values flow", () -> Double.valueOf(99.0).equals(observer.seen().lastValues.get(
                "cpu_load")));
    }

    // ---- ACL -------------------------------------------------------------------------------------------

    @Test
    void aModuleMayNotWriteOrCallAnothersIdsButTheRootMayAndAGrantOpensWhatItNames() throws Exception {
        Client owner = client("owner", List.of(number("owner.level"), number("owner.limit")),
                List.of(action("owner.act"), action("owner.other")));
        owner.seen().actions.put("owner.act", (id, args) -> CompletableFuture.completedFuture("acted"));
        owner.seen().actions.put("owner.other", (id, args) -> CompletableFuture.completedFuture("other"));
        Client module = client("module");
        Client root = client("root");
        for (Client c : List.of(module, root)) {
            Await.until("sees the owner's ids", () -> c.seen().remoteActions.containsKey("owner.other")
                    && c.seen().remoteValues.containsKey("owner.limit"));
        }

        Throwable write = failure(module.transport().write("owner.level", 5.0));
        assertTrue(write.getMessage().contains("FORBIDDEN: instance 'module' may not write value 'owner.level' of "
                + "instance 'owner'") && write.getMessage().contains("org.kervi.ipc.acl module.write"),
                write.getMessage());
        ActionException call = assertInstanceOf(ActionException.class, failure(module.transport().call("owner.act",
                List.of(), Duration.ofSeconds(5))));
        assertEquals(ActionError.FORBIDDEN, call.error());
        assertTrue(call.getMessage().contains("instance 'module' may not call action 'owner.act' of instance 'owner'")
                && call.getMessage().contains("org.kervi.ipc.acl module.call"), call.getMessage());
        assertTrue(!owner.seen().written.containsKey("owner.level"), "nothing was written");

        root.transport().write("owner.level", 7.0).get(10, TimeUnit.SECONDS);
        assertEquals(7.0, owner.seen().written.get("owner.level"));
        assertEquals("acted", root.transport().call("owner.act", List.of(), Duration.ofSeconds(5)).get(10,
                TimeUnit.SECONDS));

        policy = new AccessPolicy("root", Map.of("module", List.of("owner.act")), Map.of("everyone",
                List.of("owner.lev*")));
        assertEquals("acted", module.transport().call("owner.act", List.of(), Duration.ofSeconds(5)).get(10,
                TimeUnit.SECONDS));
        module.transport().write("owner.level", 8.0).get(10, TimeUnit.SECONDS);
        assertEquals(8.0, owner.seen().written.get("owner.level"));
        assertEquals(ActionError.FORBIDDEN, assertInstanceOf(ActionException.class, failure(module.transport().call(
                "owner.other", List.of(), Duration.ofSeconds(5)))).error());
        assertTrue(failure(module.transport().write("owner.limit", 1.0)).getMessage().contains("FORBIDDEN"));
    }
}
