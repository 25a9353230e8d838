package org.kervi.ipc.internal.tcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.Transport;
import org.kervi.ipc.api.TransportListener;
import org.kervi.ipc.api.TransportProblem;
import org.kervi.api.status.TransportStatus;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.kervi.ipc.api.ValueDescriptor;
import org.kervi.ipc.spi.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP transport: a client of a {@link TcpHub}. Connects, authenticates, registers everything this instance
 * owns (again after every reconnect), and reconnects with exponential backoff.
 */
public final class TcpClientTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(TcpClientTransport.class);
    private static final Frame HEARTBEAT = new Frame(Frame.HEARTBEAT);
    static final String REJECTED = WireJson.REJECTED;

    private final ClientSettings settings;
    private final HubDialer dialer;
    private final Map<String, ValueDescriptor> ownedValues = new ConcurrentHashMap<>();
    private final Map<String, ActionDescriptor> ownedActions = new ConcurrentHashMap<>();
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    /** Remote ids announced by the hub: id → owner. */
    private final Map<String, String> remoteValues = new ConcurrentHashMap<>();
    private final Map<String, String> remoteActions = new ConcurrentHashMap<>();
    /** Ids this instance claims that another instance owns (refused); claimed again when that owner leaves. */
    private final Map<String, String> shadowed = new ConcurrentHashMap<>();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong cids = new AtomicLong();
    private final ScheduledExecutorService scheduler;
    private final DerivedValues derived;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object stateLock = new Object();
    private volatile TransportListener listener;
    private volatile Connection connection;
    private volatile boolean connected;
    private volatile boolean closed;
    private Thread connector;

    private record Pending(String id, CompletableFuture<?> future, boolean call, ScheduledFuture<?> timeout) {}

    /** A client of the hub at the settings' host and port. */
    public TcpClientTransport(ClientSettings settings) {
        this(settings, new SocketDialer(settings));
    }

    /** A client that reaches its hub through {@code dialer} (e.g. {@link TcpHub#localDialer}). */
    public TcpClientTransport(ClientSettings settings, HubDialer dialer) {
        this.settings = settings;
        this.dialer = dialer;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "kervi-ipc-client-" + settings.instanceId());
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        this.scheduler = t;
        this.derived = new DerivedValues(t, frame -> {
            Connection c = connection;
            if (c != null) {
                c.sendValue(frame);
            }
        });
    }

    @Override
    public String instanceId() {
        return settings.instanceId();
    }

    @Override
    public synchronized void start(TransportListener transportListener) {
        if (connector != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = transportListener;
        connector = new Thread(this::connectLoop, "kervi-ipc-connect-" + settings.instanceId());
        connector.setDaemon(true);
        connector.start();
        long period = Math.max(10, settings.heartbeatMillis());
        scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    // ---- connecting --------------------------------------------------------------------------------

    private void connectLoop() {
        long backoff = 50;
        String lastFailure = "";
        while (!closed) {
            Connection c = null;
            try {
                c = connectOnce();
                backoff = 50;
                lastFailure = "";
                while (!closed && !c.awaitClosed(1000)) {
                    // connected; the reader thread does the work
                }
            } catch (IOException e) {
                String failure = e.getMessage() == null ? e.toString() : e.getMessage();
                if (!failure.equals(lastFailure)) {
                    LOG.info("Kervi IPC: instance '{}' cannot reach the hub at {}: {}; retrying",
                            settings.instanceId(), dialer.address(), failure);
                    lastFailure = failure;
                }
            } catch (ProtocolException e) {
                report(new TransportProblem(e.code(), "", "", e.getMessage()));
            } catch (RuntimeException e) {
                LOG.warn("Kervi IPC: instance '{}': connecting failed", settings.instanceId(), e);
                if (c != null) {
                    c.close("connecting failed: " + e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (closed) {
                break;
            }
            try {
                if (stopped.await(backoff, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, settings.maxBackoffMillis());
        }
    }

    /** Connects and authenticates; then starts the connection and registers. */
    private Connection connectOnce() throws IOException, ProtocolException {
        Connection c = dialer.dial(new Connection.Handler() {
            @Override
            public void frame(Connection conn, Frame frame) throws ProtocolException {
                handle(conn, frame);
            }

            @Override
            public void closed(Connection conn, String reason) {
                lost(conn, reason);
            }
        });
        synchronized (stateLock) {
            if (closed) {
                c.close("transport closed");
                throw new IOException("transport closed");
            }
            connection = c;
        }
        if (c.isClosed()) {
            lost(c, c.closeReason());
            throw new IOException("connection closed while connecting: " + c.closeReason());
        }
        sendRegistrations(c, ownedValues.values(), ownedActions.values());
        if (!subscriptions.isEmpty()) {
            c.send(Frame.ids(Frame.SUBSCRIBE, null, new ArrayList<>(subscriptions)));
        }
        connected = true;
        LOG.info("Kervi IPC: instance '{}' connected to the hub at {}", settings.instanceId(), dialer.address());
        try {
            listener.connected();
        } catch (RuntimeException e) {
            LOG.warn("Kervi IPC: the transport listener failed on connect", e);
        }
        return c;
    }

    private void tick() {
        Connection c = connection;
        if (c == null || c.isClosed()) {
            return;
        }
        long silent = c.silentMillis(System.currentTimeMillis());
        if (silent > settings.heartbeatTimeoutMillis()) {
            LOG.warn("Kervi IPC: no frame from the hub for {} ms; reconnecting", silent);
            c.close("heartbeat timeout: no frame from the hub for " + silent + " ms");
        } else {
            c.offer(HEARTBEAT);
        }
    }

    /** The connection ended: pending calls fail, remote ids leave, the connector reconnects. */
    private void lost(Connection c, String reason) {
        List<String[]> goneValues = new ArrayList<>();
        List<String[]> goneActions = new ArrayList<>();
        synchronized (stateLock) {
            if (connection != c) {
                return;
            }
            connection = null;
            connected = false;
            remoteValues.forEach((id, owner) -> goneValues.add(new String[] {id, owner}));
            remoteActions.forEach((id, owner) -> goneActions.add(new String[] {id, owner}));
            remoteValues.clear();
            remoteActions.clear();
            shadowed.clear();
            derived.reset();
        }
        pending.keySet().forEach(cid -> {
            Pending p = pending.remove(cid);
            if (p != null) {
                fail(p, ActionError.OWNER_GONE.name(), "the link to the hub was lost before the owner answered ("
                        + reason + ")", null);
            }
        });
        TransportListener l = listener;
        goneValues.forEach(g -> l.remoteValueRemoved(g[0], g[1]));
        goneActions.forEach(g -> l.remoteActionRemoved(g[0], g[1]));
        if (!closed) {
            LOG.info("Kervi IPC: instance '{}' lost the hub: {}", settings.instanceId(), reason);
        }
        l.disconnected(reason);
    }

    // ---- frames from the hub -----------------------------------------------------------------------

    private void handle(Connection c, Frame f) throws ProtocolException {
        TransportListener l = listener;
        switch (f.type) {
            case Frame.VALUE -> l.valueEvent(Frame.require(f.id, "id", f), f.value, f.ts);
            case Frame.HEARTBEAT, Frame.WELCOME -> { }
            case Frame.REPLY, Frame.WRITE_REPLY -> reply(f);
            case Frame.CALL, Frame.START, Frame.INTERRUPT -> incomingCall(c, f, l);
            case Frame.WRITE -> incomingWrite(c, f, l);
            case Frame.ADD -> added(c, f, l);
            case Frame.REMOVE -> removed(c, f, l);
            case Frame.ERROR -> report(new TransportProblem(f.code, f.id, f.owner, f.message));
            case Frame.DEMAND -> derived.demand(f.ids == null ? List.of() : f.ids);
            case Frame.UNDEMAND -> derived.undemand(f.ids == null ? List.of() : f.ids);
            default -> throw new ProtocolException("unexpected frame type '" + f.type + "' from the hub");
        }
    }

    private void added(Connection c, Frame f, TransportListener l) throws ProtocolException {
        String owner = Frame.require(f.owner, "owner", f);
        int entries = (f.values == null ? 0 : f.values.size()) + (f.actions == null ? 0 : f.actions.size());
        if (entries > TcpHub.ENTRIES_PER_FRAME) {
            throw new ProtocolException("'add' frame with " + entries + " entries from the hub: at most "
                    + TcpHub.ENTRIES_PER_FRAME + " entries per frame");
        }
        List<ValueDescriptor> values = new ArrayList<>();
        List<ActionDescriptor> actions = new ArrayList<>();
        if (f.values != null) {
            for (JsonElement e : f.values) {
                values.add(Json.valueFromJson(e));
            }
        }
        if (f.actions != null) {
            for (JsonElement e : f.actions) {
                actions.add(Json.actionFromJson(e));
            }
        }
        for (ValueDescriptor d : values) {
            if (ownedValues.containsKey(d.id())) {
                shadowed.put(d.id(), owner);
                continue;
            }
            if (remoteValues.put(d.id(), owner) != null) {
                l.remoteValueRemoved(d.id(), owner);
            }
            l.remoteValueAdded(d, owner);
        }
        for (ActionDescriptor d : actions) {
            if (ownedActions.containsKey(d.id())) {
                shadowed.put(d.id(), owner);
                continue;
            }
            if (remoteActions.put(d.id(), owner) != null) {
                l.remoteActionRemoved(d.id(), owner);
            }
            l.remoteActionAdded(d, owner);
        }
    }

    private void removed(Connection c, Frame f, TransportListener l) {
        if (f.ids == null) {
            return;
        }
        List<ValueDescriptor> reclaimValues = new ArrayList<>();
        List<ActionDescriptor> reclaimActions = new ArrayList<>();
        for (String id : f.ids) {
            String owner = remoteValues.remove(id);
            if (owner != null) {
                l.remoteValueRemoved(id, owner);
            }
            owner = remoteActions.remove(id);
            if (owner != null) {
                l.remoteActionRemoved(id, owner);
            }
            if (shadowed.remove(id) != null) {
                ValueDescriptor v = ownedValues.get(id);
                if (v != null) {
                    reclaimValues.add(v);
                }
                ActionDescriptor a = ownedActions.get(id);
                if (a != null) {
                    reclaimActions.add(a);
                }
            }
        }
        if (!reclaimValues.isEmpty() || !reclaimActions.isEmpty()) {
            sendRegistrations(c, reclaimValues, reclaimActions);
        }
    }

    private void incomingCall(Connection c, Frame f, TransportListener l) throws ProtocolException {
        String id = Frame.require(f.id, "id", f);
        long cid = f.cid;
        Duration timeout = f.timeout > 0 ? Duration.ofMillis(f.timeout) : Duration.ofMillis(settings.callTimeoutMillis());
        CompletableFuture<?> result;
        try {
            result = switch (f.type) {
                case Frame.START -> l.startRequested(id, Json.plainList(f.args), timeout, f.run);
                case Frame.INTERRUPT -> l.interruptRequested(id, f.run);
                default -> l.callRequested(id, Json.plainList(f.args), timeout);
            };
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((r, e) -> {
            Frame reply;
            if (e == null) {
                try {
                    reply = Frame.reply(cid, Json.tree(r));
                } catch (RuntimeException ser) {
                    reply = Frame.failure(Frame.REPLY, cid, ActionError.FAILED.name(),
                            "the result could not be sent as JSON: " + ser.getMessage(), ser.getClass().getName());
                }
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof ActionException ae) {
                    reply = Frame.failure(Frame.REPLY, cid, ae.error().name(), ae.getMessage(), ae.remoteType());
                } else {
                    reply = Frame.failure(Frame.REPLY, cid, ActionError.FAILED.name(), String.valueOf(cause.getMessage()),
                            cause.getClass().getName());
                }
            }
            c.send(reply);
        });
    }

    private void incomingWrite(Connection c, Frame f, TransportListener l) throws ProtocolException {
        String id = Frame.require(f.id, "id", f);
        long cid = f.cid;
        CompletableFuture<Void> result;
        try {
            result = l.writeRequested(id, f.value);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((r, e) -> {
            if (e == null) {
                c.send(Frame.writeOk(cid));
                return;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            String code = WireJson.writeFailureCode(cause);
            c.send(Frame.failure(Frame.WRITE_REPLY, cid, code, String.valueOf(cause.getMessage()),
                    cause.getClass().getName()));
        });
    }

    private void reply(Frame f) {
        Pending p = pending.remove(f.cid);
        if (p == null) {
            return;
        }
        if (f.isError()) {
            fail(p, f.code, f.message, f.errorType);
        } else {
            if (p.timeout() != null) {
                p.timeout().cancel(false);
            }
            @SuppressWarnings("unchecked")
            CompletableFuture<Object> future = (CompletableFuture<Object>) p.future();
            future.complete(p.call() ? Json.plain(f.result) : null);
        }
    }

    private static void fail(Pending p, String code, String message, String errorType) {
        if (p.timeout() != null) {
            p.timeout().cancel(false);
        }
        p.future().completeExceptionally(p.call() ? WireJson.callFailure(p.id(), code, message, errorType)
                : WireJson.writeFailure(p.id(), code, message));
    }

    private void report(TransportProblem problem) {
        TransportListener l = listener;
        if (l != null) {
            l.problem(problem);
        }
    }

    // ---- Transport ---------------------------------------------------------------------------------

    @Override
    public void register(Collection<ValueDescriptor> values, Collection<ActionDescriptor> actions) {
        values.forEach(v -> ownedValues.put(v.id(), v));
        actions.forEach(a -> ownedActions.put(a.id(), a));
        Connection c = connection;
        if (c != null) {
            sendRegistrations(c, values, actions);
        }
    }

    private static void sendRegistrations(Connection c, Collection<ValueDescriptor> values,
            Collection<ActionDescriptor> actions) {
        JsonArray v = new JsonArray();
        JsonArray a = new JsonArray();
        for (ValueDescriptor d : values) {
            v.add(Json.toJson(d));
            if (v.size() == TcpHub.ENTRIES_PER_FRAME) {
                c.send(Frame.register(v, new JsonArray()));
                v = new JsonArray();
            }
        }
        for (ActionDescriptor d : actions) {
            a.add(Json.toJson(d));
            if (a.size() == TcpHub.ENTRIES_PER_FRAME) {
                c.send(Frame.register(new JsonArray(), a));
                a = new JsonArray();
            }
        }
        if (!v.isEmpty() || !a.isEmpty()) {
            c.send(Frame.register(v, a));
        }
    }

    @Override
    public void unregister(Collection<String> ids) {
        List<String> list = new ArrayList<>();
        for (String id : ids) {
            boolean owned = ownedValues.remove(id) != null | ownedActions.remove(id) != null;
            shadowed.remove(id);
            if (owned) {
                list.add(id);
            }
        }
        Connection c = connection;
        if (c != null && !list.isEmpty()) {
            c.send(Frame.ids(Frame.UNREGISTER, null, list));
        }
    }

    @Override
    public void subscribe(Collection<String> ids) {
        subscriptions.addAll(ids);
        Connection c = connection;
        if (c != null) {
            c.send(Frame.ids(Frame.SUBSCRIBE, null, new ArrayList<>(ids)));
        }
    }

    @Override
    public void publish(String valueId, Object value, long timestampMillis) {
        if (connection != null) {
            derived.sendFull(Frame.value(valueId, value, timestampMillis));
        }
    }

    @Override
    public void publishDerived(String valueId, Object value, long timestampMillis) {
        if (connection != null) {
            derived.offer(Frame.value(valueId, value, timestampMillis));
        }
    }

    @Override
    public CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout) {
        return sendCall(actionId, args, timeout, (cid, json, millis) -> Frame.call(cid, actionId, json, millis, null));
    }

    @Override
    public CompletableFuture<Object> start(String actionId, List<?> args, Duration timeout, String runId) {
        return sendCall(actionId, args, timeout,
                (cid, json, millis) -> Frame.start(cid, actionId, json, millis, null, runId));
    }

    /** Builds a call-like frame: correlation id, arguments as JSON, timeout in ms. */
    private interface CallFrame {
        Frame build(long cid, JsonArray args, long timeoutMillis);
    }

    private CompletableFuture<Object> sendCall(String actionId, List<?> args, Duration timeout, CallFrame frames) {
        Duration t = timeout == null ? Duration.ofMillis(settings.callTimeoutMillis()) : timeout;
        CompletableFuture<Object> future = new CompletableFuture<>();
        JsonArray json;
        try {
            json = Json.args(args);
        } catch (RuntimeException e) {
            future.completeExceptionally(new ActionException(actionId, ActionError.BAD_ARGUMENTS,
                    "the arguments cannot be sent as JSON: " + e.getMessage()));
            return future;
        }
        long cid = cids.incrementAndGet();
        send(cid, actionId, future, true, frames.build(cid, json, t.toMillis()), t.toMillis(),
                ActionException.timeoutMessage(t));
        return future;
    }

    @Override
    public CompletableFuture<Integer> interrupt(String actionId, String runId, Duration timeout) {
        Duration t = timeout == null ? Duration.ofMillis(settings.callTimeoutMillis()) : timeout;
        CompletableFuture<Object> future = new CompletableFuture<>();
        long cid = cids.incrementAndGet();
        Frame frame = Frame.interrupt(cid, actionId, runId, t.toMillis(), null);
        send(cid, actionId, future, true, frame, t.toMillis(), ActionException.timeoutMessage(t));
        return future.thenApply(n -> n instanceof Number count ? count.intValue() : 0);
    }

    @Override
    public CompletableFuture<Void> write(String valueId, Object value) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        long cid = cids.incrementAndGet();
        Frame frame = Frame.write(cid, valueId, value instanceof JsonElement e ? Json.plain(e) : value, null);
        send(cid, valueId, future, false, frame, settings.callTimeoutMillis(),
                ActionException.timeoutMessage(Duration.ofMillis(settings.callTimeoutMillis())));
        return future;
    }

    private void send(long cid, String id, CompletableFuture<?> future, boolean call, Frame frame, long timeoutMillis,
            String timeoutMessage) {
        Connection c = connection;
        ScheduledFuture<?> timer;
        try {
            timer = scheduler.schedule(() -> {
                Pending p = pending.remove(cid);
                if (p != null) {
                    fail(p, ActionError.TIMEOUT.name(), timeoutMessage, null);
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            timer = null; // closed: fails below
            c = null;
        }
        Pending p = new Pending(id, future, call, timer);
        if (c == null) {
            fail(p, ActionError.OWNER_GONE.name(), "not connected to the hub", null);
            return;
        }
        pending.put(cid, p);
        if (!c.offer(frame) && pending.remove(cid) != null) {
            fail(p, c.isClosed() ? ActionError.OWNER_GONE.name() : ActionError.OVERLOADED.name(),
                    c.isClosed() ? "the link to the hub was lost" : "the outbound queue to the hub is full; not sent",
                    null);
        }
    }

    @Override
    public TransportStatus status() {
        Map<String, List<String>> byOwner = new TreeMap<>();
        byOwner.put(settings.instanceId(), new ArrayList<>());
        ownedValues.keySet().forEach(id -> byOwner.get(settings.instanceId()).add(id));
        ownedActions.keySet().forEach(id -> byOwner.get(settings.instanceId()).add(id));
        remoteValues.forEach((id, owner) -> byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(id));
        remoteActions.forEach((id, owner) -> byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(id));
        Connection c = connection;
        List<InstanceInfo> instances = new ArrayList<>();
        byOwner.forEach((owner, ids) -> {
            ids.sort(null);
            boolean self = owner.equals(settings.instanceId());
            instances.add(new InstanceInfo(owner, ids, self || c == null ? 0 : c.lastReceivedMillis(), -1, -1, -1, -1,
                    -1));
        });
        return new TransportStatus(c != null && connected, dialer.address(), instances,
                c == null ? 0 : c.framesIn(), c == null ? 0 : c.framesOut(), c == null ? 0 : c.bytesIn(),
                c == null ? 0 : c.bytesOut(), c == null ? 0 : c.coalesced());
    }

    @Override
    public void close() {
        Connection c;
        synchronized (stateLock) {
            if (closed) {
                return;
            }
            closed = true;
            c = connection;
        }
        stopped.countDown();
        if (c != null) {
            c.close("transport closed");
        }
        scheduler.shutdownNow();
        pending.keySet().forEach(cid -> {
            Pending p = pending.remove(cid);
            if (p != null) {
                fail(p, ActionError.OWNER_GONE.name(), "the IPC transport was closed", null);
            }
        });
    }
}
