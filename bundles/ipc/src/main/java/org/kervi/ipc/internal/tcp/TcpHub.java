package org.kervi.ipc.internal.tcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.kervi.api.Ids;
import org.kervi.api.actions.ActionError;
import org.kervi.ipc.api.TransportProblem;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded hub: accepts instances, authenticates them, keeps the directory (id → owner, metadata) and the last
 * value of each id, fans value events out to subscribers and routes calls, writes and their replies. A peer that
 * breaks the protocol gets an error frame and is disconnected; everyone else is served on.
 */
public final class TcpHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpHub.class);
    static final int ENTRIES_PER_FRAME = 500;
    private static final Frame HEARTBEAT = new Frame(Frame.HEARTBEAT);
    private static final int HELLO = 0;
    private static final int AUTH = 1;
    private static final int READY = 2;

    private final HubSettings settings;
    private final HubLimits limits;
    private final Supplier<AccessPolicy> policy;
    private final IdReservations<Peer> valueReservations = new IdReservations<>();
    private final IdReservations<Peer> actionReservations = new IdReservations<>();
    private final RateLimitedLog complaints = new RateLimitedLog(LOG);
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private volatile Peer[] ready = new Peer[0];
    private final Map<String, Entry> valueDir = new ConcurrentHashMap<>();
    private final Map<String, Entry> actionDir = new ConcurrentHashMap<>();
    private final Map<Long, Routed> routed = new ConcurrentHashMap<>();
    private final AtomicLong cids = new AtomicLong();
    /** Connections accepted that have not finished the handshake. */
    private final AtomicInteger handshaking = new AtomicInteger();
    private final Object dirLock = new Object();
    private final ScheduledExecutorService ticker;
    private final Connection.Handler handler = new Connection.Handler() {
        @Override
        public void frame(Connection connection, Frame frame) throws ProtocolException {
            handle((Peer) connection.attachment(), frame);
        }

        @Override
        public void closed(Connection connection, String reason) {
            peerClosed((Peer) connection.attachment(), reason);
        }
    };
    private volatile ServerSocketChannel server;
    private volatile Thread acceptor;
    private volatile boolean closed;

    static final class Peer {
        final Connection conn;
        volatile int state = HELLO;
        volatile String instanceId = "?";
        /** The protocol version the peer speaks ({@code demand} frames go to version 2 on only). */
        volatile int version = Frame.PROTOCOL_VERSION;
        String clientNonce;
        String hubNonce;
        /** K(inst) of the instance the hello named. */
        byte[] key;
        /** Whether this connection counts against the cap of connections in the handshake. */
        final AtomicBoolean inHandshake = new AtomicBoolean();
        volatile boolean all;
        final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
        volatile InstanceQuota<Entry> quota = new InstanceQuota<>(HubLimits.DEFAULTS, false);

        Peer(Connection conn) {
            this.conn = conn;
        }

        boolean subscribed(String id) {
            return all || subscriptions.contains(id);
        }
    }

    /** A directory entry; {@code last} is guarded by the entry's monitor. */
    static final class Entry {
        final String id;
        final Peer owner;
        final JsonObject descriptor;
        Frame last;

        Entry(String id, Peer owner, JsonObject descriptor) {
            this.id = id;
            this.owner = owner;
            this.descriptor = descriptor;
        }
    }

    record Routed(Peer caller, long callerCid, Peer owner, String id, String replyType, long expiresAt) {}

    /** A hub with the default limits and no ACL (every instance may call and write everything). */
    public TcpHub(HubSettings settings) {
        this(settings, HubLimits.DEFAULTS, () -> AccessPolicy.OPEN);
    }

    /** {@code policy} is asked at every call and write, so a changed ACL applies at once. */
    public TcpHub(HubSettings settings, HubLimits limits, Supplier<AccessPolicy> policy) {
        this.settings = settings;
        this.limits = limits;
        this.policy = policy;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "kervi-ipc-hub-ticker");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        this.ticker = t;
    }

    /** Binds and starts accepting; throws when the address cannot be bound. */
    public TcpHub start() throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        try {
            s.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port()), 100);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot bind the IPC hub to " + settings.bindAddress() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        server = s;
        Thread acceptor = new Thread(this::acceptLoop, "kervi-ipc-hub-accept");
        acceptor.setDaemon(true);
        this.acceptor = acceptor;
        acceptor.start();
        long period = Math.max(10, settings.heartbeatMillis());
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        LOG.info("Kervi IPC hub listening on {}:{}{}", settings.bindAddress(), port(),
                settings.tls() == null ? "" : " (TLS, " + settings.tls().store() + ")");
        return this;
    }

    /** The bound port (the real one when configured with 0). */
    public int port() {
        ServerSocketChannel s = server;
        if (s == null) {
            return settings.port();
        }
        try {
            return ((InetSocketAddress) s.getLocalAddress()).getPort();
        } catch (IOException | RuntimeException closed) {
            return settings.port();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel socket = server.accept();
                try {
                    socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    socket.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
                    String name = "hub<-" + socket.getRemoteAddress();
                    if (handshaking.incrementAndGet() > settings.maxPendingHandshakes()) {
                        handshaking.decrementAndGet();
                        complaints.warn("refused connections", "Kervi IPC hub: refused a connection from {}: {}"
                                + " connections are in the handshake already (maxPendingHandshakes)",
                                socket.getRemoteAddress(), settings.maxPendingHandshakes());
                        socket.close();
                        continue;
                    }
                    Connection c = new Connection(wire(socket), name, settings.outboundQueueSize());
                    Peer p = new Peer(c);
                    p.inHandshake.set(true);
                    c.attach(p);
                    connections.add(c);
                    c.start(handler);
                    ticker.schedule(() -> handshakeDeadline(p), settings.handshakeTimeoutMillis(),
                            TimeUnit.MILLISECONDS);
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Kervi IPC hub: accept failed: {}", e.toString());
                }
            }
        }
    }

    private Wire wire(SocketChannel socket) throws IOException {
        TlsSettings tls = settings.tls();
        if (tls == null) {
            return new SocketWire(socket, settings.maxHandshakeFrameBytes());
        }
        return TlsWire.accepted(socket.socket(), tls, settings.maxHandshakeFrameBytes(),
                settings.handshakeTimeoutMillis());
    }

    private void handshakeDeadline(Peer p) {
        if (p.state != READY && !p.conn.isClosed()) {
            complaints.warn("handshake timeouts", "Kervi IPC hub: {} did not finish the handshake within {} ms;"
                    + " disconnecting", p.conn.remoteAddress(), settings.handshakeTimeoutMillis());
            p.conn.close("handshake not finished within " + settings.handshakeTimeoutMillis() + " ms");
        }
    }

    /** The connection leaves the handshake (admitted or closed): its place under the cap is free again. */
    private void leaveHandshake(Peer p) {
        if (p.inHandshake.compareAndSet(true, false)) {
            handshaking.decrementAndGet();
        }
    }

    private void tick() {
        long now = System.currentTimeMillis();
        for (Connection c : connections) {
            long silent = c.silentMillis(now);
            if (silent > settings.heartbeatTimeoutMillis()) {
                Peer p = (Peer) c.attachment();
                LOG.warn("Kervi IPC hub: instance '{}' silent for {} ms; disconnecting", p.instanceId, silent);
                c.close("heartbeat timeout: no frame for " + silent + " ms");
            } else if (((Peer) c.attachment()).state == READY) {
                c.offer(HEARTBEAT);
            }
        }
        routed.values().removeIf(r -> r.expiresAt() < now && ended(r));
        for (Peer p : ready) {
            flushHeldEvents(p);
        }
        grantAwaitedClaims(now);
        complaints.flush();
    }

    // ---- frames ------------------------------------------------------------------------------------

    void handle(Peer p, Frame f) throws ProtocolException {
        if (p.state != READY) {
            handshake(p, f);
            return;
        }
        switch (f.type) {
            case Frame.VALUE -> value(p, f);
            case Frame.HEARTBEAT -> { }
            case Frame.CALL, Frame.START, Frame.INTERRUPT -> route(p, f, actionDir, Frame.REPLY, "action");
            case Frame.WRITE -> route(p, f, valueDir, Frame.WRITE_REPLY, "value");
            case Frame.REPLY, Frame.WRITE_REPLY -> reply(p, f);
            case Frame.REGISTER -> register(p, f);
            case Frame.UNREGISTER -> unregister(p, f);
            case Frame.SUBSCRIBE -> subscribe(p, f);
            case Frame.ERROR -> complaints.warn("reported errors", "Kervi IPC hub: instance '{}' reports {}: {}",
                    p.instanceId, f.code, f.message);
            default -> throw new ProtocolException("unexpected frame type '" + f.type + "'");
        }
    }

    private void handshake(Peer p, Frame f) throws ProtocolException {
        if (p.state == HELLO) {
            Frame challenge = challenge(p, f);
            p.state = AUTH;
            p.conn.send(challenge);
            return;
        }
        authenticate(p, f);
        admit(p);
        LOG.info("Kervi IPC hub: instance '{}' connected from {}", p.instanceId, p.conn.remoteAddress());
    }

    /**
     * Checks a hello and answers with the hub's nonce and its proof that it knows the key of the instance the hello
     * names (docs/ipc-protocol.md).
     */
    private Frame challenge(Peer p, Frame f) throws ProtocolException {
        if (!Frame.HELLO.equals(f.type)) {
            throw new ProtocolException("not authenticated: expected 'hello' first, got '" + f.type + "'");
        }
        if (f.version < Frame.OLDEST_VERSION || f.version > Frame.PROTOCOL_VERSION) {
            throw new ProtocolException(TransportProblem.VERSION, "protocol version " + f.version
                    + " is not supported; this hub speaks versions " + Frame.OLDEST_VERSION + " to "
                    + Frame.PROTOCOL_VERSION + " (every instance must come from the same Kervi distribution)");
        }
        p.version = f.version;
        if (!settings.applicationId().equals(f.app)) {
            throw new ProtocolException(TransportProblem.AUTH_FAILED, "application '" + f.app
                    + "' does not match the hub's application '" + settings.applicationId() + "'");
        }
        if (!Ids.isValid(f.instance)) {
            throw new ProtocolException("hello without a valid instance id: '" + f.instance + "'");
        }
        if (f.nonce == null || f.nonce.length() < 16) {
            throw new ProtocolException("hello without a client nonce ('nonce', 32 random bytes in Base64)");
        }
        p.instanceId = f.instance;
        p.clientNonce = f.nonce;
        p.hubNonce = Hmac.nonce();
        p.key = Hmac.instanceKey(settings.secret(), settings.applicationId(), f.instance);
        return Frame.challenge(p.hubNonce, Hmac.hubProof(p.key, settings.applicationId(), p.instanceId,
                p.clientNonce, p.hubNonce));
    }

    private void authenticate(Peer p, Frame f) throws ProtocolException {
        if (!Frame.AUTH.equals(f.type)) {
            throw new ProtocolException("not authenticated: expected 'auth', got '" + f.type + "'");
        }
        String expected = Hmac.clientMac(p.key, settings.applicationId(), p.instanceId, p.hubNonce, p.clientNonce);
        if (!Hmac.matches(expected, f.mac)) {
            complaints.warn("failed authentications", "Kervi IPC hub: instance '{}' from {} failed authentication"
                    + " (wrong key for that instance id)", p.instanceId, p.conn.remoteAddress());
            throw new ProtocolException(TransportProblem.AUTH_FAILED, "authentication failed: wrong key for"
                    + " instance '" + p.instanceId + "'");
        }
    }

    /** An authenticated peer joins: welcome, then the directory. */
    private void admit(Peer p) throws ProtocolException {
        synchronized (dirLock) {
            if (peers.containsKey(p.instanceId)) {
                LOG.warn("Kervi IPC hub: refused a second connection of instance '{}' from {}", p.instanceId,
                        p.conn.remoteAddress());
                throw new ProtocolException(TransportProblem.DUPLICATE_INSTANCE, "instance id '" + p.instanceId
                        + "' is already connected to the hub");
            }
            peers.put(p.instanceId, p);
            p.quota = new InstanceQuota<>(limits, policy.get().isRoot(p.instanceId));
            leaveHandshake(p);
            p.conn.frameLimit(settings.maxFrameBytes());
            if (p.version >= Frame.BATCH_VERSION) {
                p.conn.batchValues();
            }
            // the welcome first: once READY, the ticker may send a heartbeat, and the client's handshake reads the
            // welcome as the next frame after its auth
            p.conn.send(Frame.welcome("hub"));
            p.state = READY;
            rebuildReady();
            Map<Peer, JsonArray[]> byOwner = new LinkedHashMap<>();
            valueDir.values().forEach(e -> group(byOwner, e)[0].add(e.descriptor));
            actionDir.values().forEach(e -> group(byOwner, e)[1].add(e.descriptor));
            byOwner.forEach((owner, arrays) -> sendAdded(List.of(p), owner, arrays[0], arrays[1]));
        }
    }

    /**
     * Connects the client of the hub's own instance without a socket (see {@link LocalWire}): the same handshake
     * and checks as over TCP (application id, the hub's proof, the client's key, instance id), then served alike.
     */
    Connection connectLocal(ClientSettings client, Connection.Handler clientHandler)
            throws IOException, ProtocolException {
        if (closed) {
            throw new IOException("the hub is stopped");
        }
        LocalWire toHub = LocalWire.toHub();
        LocalWire toClient = LocalWire.toClient();
        Connection clientSide = new Connection(toHub, client.instanceId() + "->hub (in-JVM)",
                client.outboundQueueSize());
        Connection hubSide = new Connection(toClient, "hub<-" + client.instanceId() + " (in-JVM)",
                settings.outboundQueueSize());
        LocalWire.join(clientSide, toHub, hubSide, toClient);
        Peer p = new Peer(hubSide);
        hubSide.attach(p);
        ClientHandshake handshake = new ClientHandshake(client, "in-JVM");
        authenticate(p, handshake.answer(challenge(p, handshake.hello())));
        clientSide.start(clientHandler);
        hubSide.start(handler);
        connections.add(hubSide);
        try {
            if (closed) {
                throw new ProtocolException("the hub is stopped");
            }
            admit(p);
        } catch (ProtocolException e) {
            connections.remove(hubSide);
            clientSide.close(e.getMessage());
            throw e;
        }
        LOG.info("Kervi IPC hub: instance '{}' connected in-JVM", p.instanceId);
        return clientSide;
    }

    /** How the client of the hub's own instance reaches it. */
    public HubDialer localDialer(ClientSettings client) {
        return new HubDialer() {
            @Override
            public Connection dial(Connection.Handler h) throws IOException, ProtocolException {
                return connectLocal(client, h);
            }

            @Override
            public String address() {
                return "in-JVM (hub port " + port() + ")";
            }
        };
    }

    private static JsonArray[] group(Map<Peer, JsonArray[]> byOwner, Entry e) {
        return byOwner.computeIfAbsent(e.owner, k -> new JsonArray[] {new JsonArray(), new JsonArray()});
    }

    /** Sends "add" frames of one owner's entries, in chunks that stay well under the frame limit. */
    private void sendAdded(List<Peer> to, Peer owner, JsonArray values, JsonArray actions) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < values.size(); i += ENTRIES_PER_FRAME) {
            frames.add(Frame.added(owner.instanceId, slice(values, i), new JsonArray()));
        }
        for (int i = 0; i < actions.size(); i += ENTRIES_PER_FRAME) {
            frames.add(Frame.added(owner.instanceId, new JsonArray(), slice(actions, i)));
        }
        for (Peer q : to) {
            frames.forEach(q.conn::send);
        }
    }

    private static JsonArray slice(JsonArray a, int from) {
        JsonArray s = new JsonArray();
        for (int i = from; i < Math.min(a.size(), from + ENTRIES_PER_FRAME); i++) {
            s.add(a.get(i));
        }
        return s;
    }

    private void rebuildReady() {
        ready = peers.values().toArray(new Peer[0]);
    }

    private List<Peer> others(Peer p) {
        List<Peer> list = new ArrayList<>();
        for (Peer q : ready) {
            if (q != p) {
                list.add(q);
            }
        }
        return list;
    }

    private void register(Peer p, Frame f) throws ProtocolException {
        if (tooManyEntries(p, f, (f.values == null ? 0 : f.values.size())
                + (f.actions == null ? 0 : f.actions.size()))) {
            return;
        }
        JsonArray values = new JsonArray();
        JsonArray actions = new JsonArray();
        List<Frame> refusals = new ArrayList<>();
        List<Object[]> parsedValues = new ArrayList<>();
        List<Object[]> parsedActions = new ArrayList<>();
        if (f.values != null) {
            for (JsonElement e : f.values) {
                parsedValues.add(new Object[] {Json.valueFromJson(e).id(), e.getAsJsonObject()});
            }
        }
        if (f.actions != null) {
            for (JsonElement e : f.actions) {
                parsedActions.add(new Object[] {Json.actionFromJson(e).id(), e.getAsJsonObject()});
            }
        }
        synchronized (dirLock) {
            if (p.state != READY || p.conn.isClosed()) {
                return;
            }
            claim(p, parsedValues, valueDir, valueReservations, values, refusals, "value");
            claim(p, parsedActions, actionDir, actionReservations, actions, refusals, "action");
            if (!values.isEmpty() || !actions.isEmpty()) {
                sendAdded(others(p), p, values, actions);
            }
            List<String> wanted = new ArrayList<>();
            for (Object[] pair : parsedValues) {
                String id = (String) pair[0];
                Entry e = valueDir.get(id);
                if (e != null && e.owner == p && wantedByName(id, p)) {
                    wanted.add(id);
                }
            }
            sendDemand(p, Frame.DEMAND, wanted);
        }
        refusals.forEach(p.conn::send);
    }

    private void claim(Peer p, List<Object[]> parsed, Map<String, Entry> dir, IdReservations<Peer> reservations,
            JsonArray accepted, List<Frame> refusals, String what) {
        long now = System.currentTimeMillis();
        int overQuota = 0;
        for (Object[] pair : parsed) {
            String id = (String) pair[0];
            Entry existing = dir.get(id);
            if (existing != null && existing.owner != p) {
                String owner = existing.owner.instanceId;
                String message = what + " id '" + id + "' is already owned by instance '" + owner
                        + "'; the claim of instance '" + p.instanceId + "' was refused";
                complaints.error("refused claims", "Kervi IPC hub: {}", message);
                refusals.add(Frame.error(TransportProblem.DUPLICATE_ID, id, owner, message));
                continue;
            }
            IdReservations.Reservation reserved = existing == null ? reservations.refusing(id, p.instanceId, now)
                    : null;
            if (reserved != null) {
                String message = what + " id '" + id + "' is reserved for instance '" + reserved.owner()
                        + "' for " + reserved.secondsLeft(now) + " s more (idReservationSeconds); the claim of "
                        + "instance '" + p.instanceId + "' waits and is granted if the owner does not come back";
                complaints.warn("reserved claims", "Kervi IPC hub: {}", message);
                refusals.add(Frame.error(TransportProblem.RESERVED, id, reserved.owner(), message));
                reservations.await(new IdReservations.Claim<>(p, id, (JsonObject) pair[1]));
                continue;
            }
            if (existing == null && p.quota.idsFull()) {
                overQuota++;
                continue;
            }
            if (existing == null) {
                p.quota.idAdded();
            }
            Entry entry = new Entry(id, p, (JsonObject) pair[1]);
            if (existing != null) {
                synchronized (existing) {
                    entry.last = existing.last;
                }
            }
            dir.put(id, entry);
            accepted.add(entry.descriptor);
        }
        if (overQuota > 0) {
            String message = "instance '" + p.instanceId + "' holds " + p.quota.ids() + " ids, the limit "
                    + "maxIdsPerInstance of pid org.kervi.ipc; " + overQuota + " " + what + " ids of its register "
                    + "frame were refused";
            complaints.warn("id quota", "Kervi IPC hub: {}", message);
            refusals.add(Frame.error(TransportProblem.QUOTA, null, null, message));
        }
    }

    /** Refuses a frame with more entries than the protocol allows; the connection stays. */
    private boolean tooManyEntries(Peer p, Frame f, int entries) {
        if (entries <= ENTRIES_PER_FRAME) {
            return false;
        }
        String message = "'" + f.type + "' frame with " + entries + " entries refused: at most " + ENTRIES_PER_FRAME
                + " entries per frame";
        complaints.warn("entries per frame", "Kervi IPC hub: instance '{}': {}", p.instanceId, message);
        p.conn.send(Frame.error(TransportProblem.QUOTA, null, null, message));
        return true;
    }

    private void unregister(Peer p, Frame f) {
        if (f.ids == null || tooManyEntries(p, f, f.ids.size())) {
            return;
        }
        synchronized (dirLock) {
            List<String> removed = new ArrayList<>();
            for (String id : f.ids) {
                boolean value = valueDir.remove(id, owned(valueDir, id, p));
                boolean action = actionDir.remove(id, owned(actionDir, id, p));
                if (value) {
                    p.quota.idRemoved();
                }
                if (action) {
                    p.quota.idRemoved();
                }
                if (value || action) {
                    removed.add(id);
                }
            }
            broadcastRemoved(p, removed);
        }
    }

    private static Entry owned(Map<String, Entry> dir, String id, Peer p) {
        Entry e = dir.get(id);
        return e != null && e.owner == p ? e : null;
    }

    private void broadcastRemoved(Peer p, List<String> ids) {
        for (int i = 0; i < ids.size(); i += ENTRIES_PER_FRAME) {
            Frame frame = Frame.ids(Frame.REMOVE, p.instanceId,
                    ids.subList(i, Math.min(ids.size(), i + ENTRIES_PER_FRAME)));
            others(p).forEach(q -> q.conn.send(frame));
        }
    }

    private void subscribe(Peer p, Frame f) {
        if (f.ids == null || tooManyEntries(p, f, f.ids.size())) {
            return;
        }
        boolean hadAll = p.all;
        List<String> named = new ArrayList<>();
        for (String id : f.ids) {
            if ("*".equals(id)) {
                p.all = true;
            } else if (p.subscriptions.add(id)) {
                named.add(id);
            }
        }
        List<Entry> catchUp = new ArrayList<>();
        if (p.all) {
            if (!hadAll) {
                catchUp.addAll(valueDir.values());
            }
        } else {
            named.forEach(id -> {
                Entry e = valueDir.get(id);
                if (e != null) {
                    catchUp.add(e);
                }
            });
        }
        for (Entry e : catchUp) {
            synchronized (e) {
                if (e.last != null && e.owner != p) {
                    p.conn.sendValue(e.last);
                }
            }
        }
        synchronized (dirLock) {
            Map<Peer, List<String>> byOwner = new LinkedHashMap<>();
            for (String id : named) {
                Entry e = valueDir.get(id);
                if (e != null && e.owner != p) {
                    byOwner.computeIfAbsent(e.owner, k -> new ArrayList<>()).add(id);
                }
            }
            byOwner.forEach((owner, ids) -> sendDemand(owner, Frame.DEMAND, ids));
        }
    }

    /** Whether an instance other than the owner subscribed to {@code id} by name. */
    private boolean wantedByName(String id, Peer owner) {
        for (Peer q : ready) {
            if (q != owner && q.subscriptions.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Tells an owner which of its ids are (no longer) wanted by name; older peers do not know the frame. */
    private static void sendDemand(Peer owner, String type, List<String> ids) {
        if (owner.version < 2 || ids.isEmpty()) {
            return;
        }
        for (int i = 0; i < ids.size(); i += ENTRIES_PER_FRAME) {
            owner.conn.send(Frame.ids(type, null, ids.subList(i, Math.min(ids.size(), i + ENTRIES_PER_FRAME))));
        }
    }

    /** The hot path: remember the last value and hand the received frame (bytes and all) to each subscriber. */
    private void value(Peer p, Frame f) throws ProtocolException {
        String id = Frame.require(f.id, "id", f);
        Entry e = valueDir.get(id);
        if (e == null || e.owner != p) {
            p.conn.send(Frame.error(TransportProblem.NOT_OWNER, id, e == null ? "" : e.owner.instanceId,
                    "value '" + id + "' is not registered by instance '" + p.instanceId + "'; event dropped"));
            return;
        }
        if (!p.quota.eventAllowed(System.currentTimeMillis())) {
            synchronized (e) {
                e.last = f;
            }
            if (p.quota.held.put(id, e) == null && p.quota.held.size() == 1) {
                complaints.warn("event rate", "Kervi IPC hub: instance '{}' sends more than {} value events/s "
                        + "(maxValueEventsPerSecond of pid org.kervi.ipc); its events are coalesced per id, the "
                        + "latest of each delivered every {} ms", p.instanceId, limits.maxValueEventsPerSecond(),
                        settings.heartbeatMillis());
            }
            return;
        }
        fanOut(p, e, f);
    }

    private void fanOut(Peer p, Entry e, Frame f) {
        synchronized (e) {
            e.last = f;
            for (Peer q : ready) {
                if (q != p && q.subscribed(e.id)) {
                    q.conn.sendValue(f);
                }
            }
        }
    }

    /** Delivers the latest held event of each id of an instance over its event rate. */
    private void flushHeldEvents(Peer p) {
        if (p.quota.held.isEmpty()) {
            return;
        }
        for (String id : List.copyOf(p.quota.held.keySet())) {
            Entry e = p.quota.held.remove(id);
            if (e != null && valueDir.get(id) == e) {
                synchronized (e) {
                    fanOut(p, e, e.last);
                }
            }
        }
    }

    private void route(Peer p, Frame f, Map<String, Entry> dir, String replyType, String what)
            throws ProtocolException {
        String id = Frame.require(f.id, "id", f);
        if (f.cid == 0) {
            throw new ProtocolException("'" + f.type + "' frame without 'cid'");
        }
        Entry e = dir.get(id);
        if (e == null) {
            p.conn.send(Frame.failure(replyType, f.cid, ActionError.UNKNOWN_ID.name(), "no " + what + " with id '"
                    + id + "' is registered at the hub", null));
            return;
        }
        AccessPolicy acl = policy.get();
        AccessPolicy.Kind kind = f.isActionRequest() ? AccessPolicy.Kind.CALL : AccessPolicy.Kind.WRITE;
        if (!acl.allows(p.instanceId, kind, id, e.owner.instanceId)) {
            String message = acl.refusal(p.instanceId, kind, id, e.owner.instanceId);
            complaints.warn("forbidden", "Kervi IPC hub: refused: {}", message);
            p.conn.send(Frame.failure(replyType, f.cid, ActionError.FORBIDDEN.name(), message, null));
            return;
        }
        if (!p.quota.tryStartCall()) {
            String message = "instance '" + p.instanceId + "' has " + p.quota.pendingCalls() + " calls and writes "
                    + "awaiting replies at the hub, the limit maxPendingCallsPerInstance of pid org.kervi.ipc; the "
                    + what + " call was not sent";
            complaints.warn("pending calls", "Kervi IPC hub: {}", message);
            p.conn.send(Frame.failure(replyType, f.cid, ActionError.OVERLOADED.name(), message, null));
            return;
        }
        long hubCid = cids.incrementAndGet();
        long timeout = f.timeout > 0 ? f.timeout : 60_000;
        routed.put(hubCid, new Routed(p, f.cid, e.owner, id, replyType,
                System.currentTimeMillis() + timeout + 2 * settings.heartbeatTimeoutMillis()));
        Frame forward = switch (f.type) {
            case Frame.CALL -> Frame.call(hubCid, id, f.args, f.timeout, p.instanceId);
            case Frame.START -> Frame.start(hubCid, id, f.args, f.timeout, p.instanceId, f.run);
            case Frame.INTERRUPT -> Frame.interrupt(hubCid, id, f.run, f.timeout, p.instanceId);
            default -> Frame.write(hubCid, id, f.value, p.instanceId);
        };
        if (!e.owner.conn.offer(forward)) {
            ended(routed.remove(hubCid));
            boolean gone = e.owner.conn.isClosed();
            p.conn.send(Frame.failure(replyType, f.cid, gone ? ActionError.OWNER_GONE.name()
                    : ActionError.OVERLOADED.name(), gone ? "instance '" + e.owner.instanceId + "' went away"
                    : "the link to instance '" + e.owner.instanceId + "' is overloaded; the " + what
                    + " call was not sent", null));
        }
    }

    private void reply(Peer p, Frame f) {
        Routed r = routed.get(f.cid);
        if (r == null || r.owner() != p || !routed.remove(f.cid, r)) {
            return;
        }
        ended(r);
        r.caller().conn.send(f.withCid(r.callerCid()));
    }

    /** Gives back the caller's pending-call quota of a routed call that ended; true for {@code removeIf}. */
    private static boolean ended(Routed r) {
        if (r != null) {
            r.caller().quota.callEnded();
        }
        return true;
    }

    private void peerClosed(Peer p, String reason) {
        connections.remove(p.conn);
        leaveHandshake(p);
        if (p.state != READY) {
            return;
        }
        synchronized (dirLock) {
            if (!peers.remove(p.instanceId, p)) {
                return;
            }
            p.state = HELLO;
            rebuildReady();
            List<String> removed = new ArrayList<>();
            long until = System.currentTimeMillis() + limits.idReservationMillis();
            boolean reserve = limits.idReservationMillis() > 0 && !policy.get().isRoot(p.instanceId);
            valueDir.values().removeIf(e -> e.owner == p && removed.add(e.id)
                    && (!reserve || reserved(valueReservations, e.id, p, until)));
            actionDir.values().removeIf(e -> e.owner == p && removed.add(e.id)
                    && (!reserve || reserved(actionReservations, e.id, p, until)));
            p.quota.idsCleared();
            p.quota.held.clear();
            valueReservations.forget(p);
            actionReservations.forget(p);
            broadcastRemoved(p, removed);
            Map<Peer, List<String>> unwanted = new LinkedHashMap<>();
            for (String id : p.subscriptions) {
                Entry e = valueDir.get(id);
                if (e != null && !wantedByName(id, e.owner)) {
                    unwanted.computeIfAbsent(e.owner, k -> new ArrayList<>()).add(id);
                }
            }
            unwanted.forEach((owner, ids) -> sendDemand(owner, Frame.UNDEMAND, ids));
        }
        routed.entrySet().removeIf(en -> {
            Routed r = en.getValue();
            if (r.owner() == p) {
                r.caller().conn.send(Frame.failure(r.replyType(), r.callerCid(), ActionError.OWNER_GONE.name(),
                        "instance '" + p.instanceId + "' went away before it answered (" + reason + ")", null));
                return ended(r);
            }
            return r.caller() == p && ended(r);
        });
        LOG.info("Kervi IPC hub: instance '{}' disconnected: {}", p.instanceId, reason);
    }

    private static boolean reserved(IdReservations<Peer> reservations, String id, Peer owner, long until) {
        reservations.reserve(id, owner.instanceId, until);
        return true;
    }

    /** Grants the claims that waited for reservations that ended unclaimed. */
    private void grantAwaitedClaims(long now) {
        synchronized (dirLock) {
            grant(valueReservations.expire(now), valueDir, true);
            grant(actionReservations.expire(now), actionDir, false);
        }
    }

    private void grant(List<IdReservations.Claim<Peer>> claims, Map<String, Entry> dir, boolean values) {
        for (IdReservations.Claim<Peer> c : claims) {
            Peer p = c.claimant();
            if (p.state != READY || dir.containsKey(c.id()) || p.quota.idsFull()) {
                continue;
            }
            p.quota.idAdded();
            dir.put(c.id(), new Entry(c.id(), p, c.descriptor()));
            JsonArray granted = new JsonArray();
            granted.add(c.descriptor());
            sendAdded(others(p), p, values ? granted : new JsonArray(), values ? new JsonArray() : granted);
            if (values && wantedByName(c.id(), p)) {
                sendDemand(p, Frame.DEMAND, List.of(c.id()));
            }
            LOG.info("Kervi IPC hub: the reservation of '{}' ended; instance '{}', whose claim waited, owns it now",
                    c.id(), p.instanceId);
        }
    }

    // ---- status ------------------------------------------------------------------------------------

    /** The connected instances, their ids and traffic as the hub sees them. */
    public List<InstanceInfo> instances() {
        List<InstanceInfo> list = new ArrayList<>();
        for (Peer p : ready) {
            List<String> ids = new ArrayList<>();
            valueDir.values().forEach(e -> {
                if (e.owner == p) {
                    ids.add(e.id);
                }
            });
            actionDir.values().forEach(e -> {
                if (e.owner == p) {
                    ids.add(e.id);
                }
            });
            ids.sort(null);
            Connection c = p.conn;
            list.add(new InstanceInfo(p.instanceId, ids, c.lastReceivedMillis(), c.framesIn(), c.framesOut(),
                    c.bytesIn(), c.bytesOut(), c.coalesced(), HostNames.ofRemoteAddress(c.remoteAddress())));
        }
        list.sort((a, b) -> a.instanceId().compareTo(b.instanceId()));
        return list;
    }

    /** Connections accepted that have not finished the handshake. */
    public int pendingHandshakes() {
        return handshaking.get();
    }

    /** The most value events ever queued at once for an instance (bounded by its subscribed ids). */
    public int maxValuesQueued(String instanceId) {
        Peer p = peers.get(instanceId);
        return p == null ? -1 : p.conn.maxValuesQueued();
    }

    @Override
    public void close() {
        closed = true;
        ServerSocketChannel s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing the hub socket: {}", e.toString());
            }
        }
        awaitAcceptorExit();
        ticker.shutdownNow();
        connections.forEach(c -> c.close("hub stopped"));
        LOG.info("Kervi IPC hub on port {} stopped", port());
    }

    /**
     * The socket's port is released only once the thread blocked in {@code accept()} has left it; waiting for that
     * lets a hub started next on the same port (a restart, a configuration change) bind.
     */
    private void awaitAcceptorExit() {
        Thread t = acceptor;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
