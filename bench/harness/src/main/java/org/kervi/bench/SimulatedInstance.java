package org.kervi.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRole;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.TransportListener;
import org.kervi.ipc.api.TransportProblem;
import org.kervi.ipc.api.ValueDescriptor;
import org.kervi.ipc.internal.tcp.ClientSettings;
import org.kervi.ipc.internal.tcp.Hmac;
import org.kervi.ipc.internal.tcp.TcpClientTransport;

/**
 * A module-like instance without its Karaf: Kervi's own TCP client transport (the one a module instance runs) in
 * this JVM, owning the value {@code <id>.stamp} and the action {@code <id>.echo}, subscribed to every value. It
 * records {@code nanoTime() - value} of every other instance's stamp event (same JVM, same clock) into a shared
 * {@link Latencies}, and answers echo calls with their argument.
 */
final class SimulatedInstance implements TransportListener, AutoCloseable {
    final String id;
    final TcpClientTransport transport;
    private final Latencies received;
    private final Set<String> remoteStamps = ConcurrentHashMap.newKeySet();

    SimulatedInstance(String id, int hubPort, String secret, Latencies received) {
        this.id = id;
        this.received = received;
        byte[] key = Hmac.instanceKey(secret.getBytes(StandardCharsets.UTF_8), "bench", id);
        transport = new TcpClientTransport(new ClientSettings("127.0.0.1", hubPort, "bench", id, key, 1 << 20, 10_000,
                1000, 10_000, 10_000, 2000));
    }

    SimulatedInstance start() {
        transport.register(List.of(new ValueDescriptor(stampId(), "Stamp of " + id, ValueKind.NUMBER,
                ValueRole.OUTPUT, id, Map.of())), List.of(new ActionDescriptor(id + ".echo", "Echo of " + id, id,
                List.of(), "long", "", ActionConcurrency.PARALLEL, Duration.ofSeconds(10))));
        transport.subscribe(List.of("*"));
        transport.start(this);
        return this;
    }

    String stampId() {
        return id + ".stamp";
    }

    int remoteStampsSeen() {
        return remoteStamps.size();
    }

    @Override
    public void remoteValueAdded(ValueDescriptor value, String owner) {
        if (value.id().endsWith(".stamp")) {
            remoteStamps.add(value.id());
        }
    }

    @Override
    public void remoteValueRemoved(String valueId, String owner) {
        remoteStamps.remove(valueId);
    }

    @Override
    public void remoteActionAdded(ActionDescriptor action, String owner) {
    }

    @Override
    public void remoteActionRemoved(String actionId, String owner) {
    }

    @Override
    public void valueEvent(String valueId, Object value, long timestampMillis) {
        if (value instanceof Number stamp && valueId.endsWith(".stamp")) {
            long now = System.nanoTime();
            received.record(now - stamp.longValue(), now);
        }
    }

    @Override
    public CompletableFuture<Object> callRequested(String actionId, List<Object> args, Duration timeout) {
        return CompletableFuture.completedFuture(args.isEmpty() ? null : args.get(0));
    }

    @Override
    public CompletableFuture<Void> writeRequested(String valueId, Object value) {
        return CompletableFuture.failedFuture(new IllegalStateException(valueId + " is read-only"));
    }

    @Override
    public void problem(TransportProblem problem) {
        System.out.println("[instances] " + id + ": " + problem);
    }

    @Override
    public void close() {
        transport.close();
    }
}
