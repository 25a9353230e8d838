package org.kervi.ipc.mqtt.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.status.TransportStatus;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.Transport;
import org.kervi.ipc.api.TransportListener;
import org.kervi.ipc.api.TransportProblem;
import org.kervi.ipc.api.ValueDescriptor;
import org.kervi.ipc.mqtt.internal.Directory.Entry;
import org.kervi.ipc.spi.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT 5 transport (docs/ipc-protocol.md, "MQTT transport"). The broker holds the directory (a retained entry
 * per id), the last value of every id (retained) and presence (a retained birth message, the last will when an
 * instance dies). Calls and writes are MQTT 5 requests (response topic, correlation data, message expiry).
 *
 * <p>Threads: Paho's (reading; replies complete their futures there), the link's connector and sender, one
 * dispatcher that owns the directory and calls the listener in arrival order, and one timer. Value events and
 * requests that arrive while nothing waits for the dispatcher are handled on Paho's callback thread itself, in the
 * dispatcher's stead ({@link InlineQueue}); directory, presence and link events always go through the dispatcher.
 */
public final class MqttTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);
    /** How long events older than a delivered latest value are dropped (an owner's clock set back must not hide values). */
    private static final long FLOOR_NANOS = 5_000_000_000L;

    private final MqttSettings settings;
    private final Topics topics;
    private final String self;
    private final String host;
    private final long sessionNonce = new SecureRandom().nextLong();
    private final MqttLink link;
    private final Directory directory = new Directory();
    private final InlineQueue<Runnable> inbound;
    private final ScheduledThreadPoolExecutor timer;
    private final Refusals refusals;
    private final Map<String, ValueDescriptor> ownedValues = new ConcurrentHashMap<>();
    private final Map<String, ActionDescriptor> ownedActions = new ConcurrentHashMap<>();
    private final Map<String, Long> claimedAt = new ConcurrentHashMap<>();
    /** Owned ids whose entry this instance published (and so may publish values of). */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /** Owned ids another present instance owns: id → that owner; claimed again when it leaves. */
    private final Map<String, String> shadowed = new ConcurrentHashMap<>();
    /** The last value published of each owned id: published again after a reconnect (the broker may have lost it). */
    private final Map<String, OwnedValue> lastOwnedValues = new ConcurrentHashMap<>();
    /** The last value heard of each remote id: delivered when the id becomes visible. */
    private final Map<String, Object[]> lastRemoteValues = new ConcurrentHashMap<>();
    /** id → {the ts of a latest value delivered from a digest or a retained copy, until when older events are dropped}. */
    private final Map<String, long[]> latestFloors = new ConcurrentHashMap<>();
    private final StateDigest digest;
    private final ValueStream stream;
    /** The retained copies of streamed values, sampled. */
    private final LatestSampler copies;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    /** The value ids others subscribed to by name: their link-made changes are sent each, not sampled. */
    private final Demands demands = new Demands();
    private final LatestSampler derived;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong cids = new AtomicLong();
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private volatile TransportListener listener;
    private volatile long syncedSession = -1;
    private volatile long syncNonce;
    private volatile boolean closed;

    /** A published value, serialized only when sent. */
    private record OwnedValue(Object value, long timestampMillis) {
        JsonObject json() {
            JsonObject o = new JsonObject();
            o.add("v", value instanceof JsonElement e ? e : WireJson.tree(value));
            o.addProperty("ts", timestampMillis);
            return o;
        }
    }

    private record Pending(String id, String owner, CompletableFuture<?> future, boolean call,
            ScheduledFuture<?> timeout) {}

    public MqttTransport(MqttSettings settings) {
        this.settings = settings;
        this.topics = new Topics(settings.topicPrefix(), settings.applicationId());
        this.self = settings.instanceId();
        this.host = hostName();
        this.refusals = new Refusals(self);
        this.inbound = new InlineQueue<>(settings.queueSize(), "kervi-mqtt-dispatch-" + self, new Dispatch());
        this.link = new MqttLink(settings, new LinkEvents(), this::allSubscriptions, this::will);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kervi-mqtt-timer-" + self);
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        // a task due within a second keeps the queue's head occupied, so scheduling a call's timeout (seconds away)
        // does not wake the timer thread on every call (as core's ActionDispatcher; docs/performance.md)
        timer.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
        this.digest = new StateDigest(timer, link, topics.state(self), this::latestOwned, settings.maxPayloadBytes());
        this.stream = new ValueStream(link, topics.stream(self), settings.valueQos(), settings.queueSize(),
                settings.maxPayloadBytes());
        this.copies = new LatestSampler(timer);
        this.derived = new LatestSampler(timer);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public String instanceId() {
        return self;
    }

    @Override
    public synchronized void start(TransportListener transportListener) {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = transportListener;
        inbound.start();
        link.start();
    }

    @Override
    public boolean isConnected() {
        return syncedSession >= 0 && syncedSession == link.session();
    }

    /** Input refused so far (malformed, oversize, wrong types). */
    long refused() {
        return refusals.count();
    }

    /** Whether another present instance subscribed to this owned value by name. */
    boolean namedByOthers(String valueId) {
        return demands.named(valueId, directory.present::containsKey);
    }

    /** The most inbound events queued at once (bounded by the queue size plus one per id). */
    int maxInboundQueued() {
        return inbound.maxQueued();
    }

    // ---- what the broker is told at connect ---------------------------------------------------------

    private MqttLink.Outgoing will() {
        return MqttLink.Outgoing.of(topics.presence(self), mqttMessage(presence(false), 1, true));
    }

    private JsonObject presence(boolean online) {
        JsonObject o = Payloads.of("state", online ? "online" : "offline");
        if (online) {
            o.addProperty("host", host);
            o.addProperty("since", System.currentTimeMillis());
        }
        return o;
    }

    private List<MqttSubscription> allSubscriptions() {
        int q = settings.callQos();
        List<MqttSubscription> subs = new ArrayList<>();
        subs.add(sub(topics.root() + Topics.PRESENCE + "/+", 1));
        subs.add(sub(topics.root() + "dir/#", 1));
        subs.add(sub(topics.request(Topics.CALL, self, "+"), q));
        subs.add(sub(topics.request(Topics.INTERRUPT, self, "+"), q));
        subs.add(sub(topics.request(Topics.WRITE, self, "+"), q));
        subs.add(sub(topics.reply(self), q));
        subs.add(sub(topics.root() + Topics.DEMAND + "/+", 1));
        subs.addAll(valueSubscriptions(subscriptions));
        if (!subscriptions.isEmpty()) {
            subs.add(streamSubscription());
            subs.add(stateSubscription());
        }
        MqttSubscription sync = new MqttSubscription(topics.sync(self), 1);
        subs.add(sync); // our own message comes back: not noLocal
        return subs;
    }

    private List<MqttSubscription> valueSubscriptions(Collection<String> ids) {
        if (subscriptions.contains("*")) {
            return ids.contains("*") ? List.of(sub(topics.value("+"), settings.valueQos())) : List.of();
        }
        List<MqttSubscription> subs = new ArrayList<>();
        for (String id : ids) {
            subs.add(sub(topics.value(id), settings.valueQos()));
        }
        return subs;
    }

    private MqttSubscription streamSubscription() {
        return sub(topics.root() + Topics.STREAM + "/+", settings.valueQos());
    }

    private MqttSubscription stateSubscription() {
        return sub(topics.root() + Topics.STATE + "/+", settings.valueQos());
    }

    private static MqttSubscription sub(String topic, int qos) {
        MqttSubscription s = new MqttSubscription(topic, qos);
        s.setNoLocal(true);
        return s;
    }

    private static MqttMessage mqttMessage(JsonObject payload, int qos, boolean retained) {
        return mqttMessage(Payloads.bytes(payload), qos, retained, null);
    }

    private static MqttMessage mqttMessage(byte[] payload, int qos, boolean retained, MqttProperties properties) {
        MqttMessage m = new MqttMessage(payload, qos, retained, properties);
        return m;
    }

    // ---- link events -------------------------------------------------------------------------------

    private final class LinkEvents implements MqttLink.Events {
        @Override
        public void up(long session) {
            long nonce = new SecureRandom().nextLong();
            syncNonce = nonce;
            publishDemand();
            // the barrier: once this comes back, every retained entry of the subscriptions before it has arrived
            link.send(null, topics.sync(self), mqttMessage(ByteBuffer.allocate(16).putLong(session).putLong(nonce)
                    .array(), 1, false, null));
        }

        @Override
        public void down(long session, String reason) {
            inbound.enqueue(null, () -> lostLink(reason));
        }

        @Override
        public void message(String topic, MqttMessage message) {
            received(topic, message);
        }

        @Override
        public void problem(TransportProblem problem) {
            report(problem);
        }
    }

    private void received(String topic, MqttMessage m) {
        messagesIn.incrementAndGet();
        byte[] payload = m.getPayload();
        bytesIn.addAndGet(payload.length);
        if (payload.length > settings.maxPayloadBytes()) {
            refusals.refuse(topic, "payload of " + payload.length + " bytes exceeds maxPayloadBytes "
                    + settings.maxPayloadBytes());
            return;
        }
        String[] levels = topics.levels(topic);
        if (levels == null || levels.length < 2) {
            refusals.refuse(topic, "not a topic of this application");
            return;
        }
        switch (levels[0]) {
            case Topics.REPLY -> reply(topic, m);
            case Topics.VALUE -> inbound.offer(levels[1], () -> valueArrived(topic, levels[1], payload,
                    m.isRetained()));
            case Topics.STATE -> stateArrived(topic, payload);
            case Topics.STREAM -> streamArrived(topic, payload);
            case Topics.CALL, Topics.INTERRUPT, Topics.WRITE -> inbound.offer(null,
                    () -> controlArrived(topic, levels, m));
            default -> inbound.enqueue(null, () -> controlArrived(topic, levels, m));
        }
    }

    /**
     * Runs what arrived, one task at a time, in arrival order. {@link #SLOW_IN_A_ROW} tasks in a row that each took
     * longer than {@link #SLOW_NANOS} on Paho's thread send the next ones to the dispatcher thread for a second: a
     * slow listener must not hold up Paho's reading (the broker would queue and then drop for this instance) but get
     * the latest of each id from the queue. One slow task is not enough: on a busy machine any task may be
     * preempted, and queuing then only adds a wake-up per event.
     */
    private final class Dispatch implements InlineQueue.Sink<Runnable> {
        private static final long SLOW_NANOS = 1_000_000;
        private static final int SLOW_IN_A_ROW = 3;
        private long queueUntil = System.nanoTime();
        private int slowInARow;

        @Override
        public Runnable tryNow(Runnable task) {
            long start = System.nanoTime();
            if (start - queueUntil < 0) {
                return task;
            }
            take(task);
            long end = System.nanoTime();
            slowInARow = end - start > SLOW_NANOS ? slowInARow + 1 : 0;
            if (slowInARow >= SLOW_IN_A_ROW) {
                slowInARow = 0;
                queueUntil = end + 1_000_000_000L;
            }
            return null;
        }

        @Override
        public void take(Runnable task) {
            if (closed) {
                return; // once closed, nothing more is claimed or answered: the goodbye is on its way
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Kervi IPC over MQTT, instance '{}': {}", self, e.toString(), e);
            }
        }
    }

    private void controlArrived(String topic, String[] levels, MqttMessage m) {
        try {
            switch (levels[0]) {
                case Topics.PRESENCE -> presenceArrived(levels[1], m.getPayload());
                case "dir" -> entryArrived(topic, levels, m.getPayload());
                case Topics.CALL, Topics.INTERRUPT, Topics.WRITE -> requestArrived(levels, m);
                case Topics.SYNC -> syncArrived(m.getPayload());
                case Topics.DEMAND -> derived.release(demands.arrived(levels[1], m.getPayload()));
                default -> refusals.refuse(topic, "unknown kind of topic '" + levels[0] + "'");
            }
        } catch (IllegalArgumentException e) {
            refusals.refuse(topic, e.getMessage());
        }
    }

    private void syncArrived(byte[] payload) {
        if (payload.length != 16) {
            throw new IllegalArgumentException("not a sync marker");
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        long session = b.getLong();
        if (session != link.session() || b.getLong() != syncNonce) {
            return; // an earlier connection's
        }
        claimAll();
        link.send(null, topics.presence(self), mqttMessage(presence(true), 1, true));
        syncedSession = session;
        listener.connected();
    }

    private void lostLink(String reason) {
        syncedSession = -1;
        for (String id : new ArrayList<>(directory.visibleValues.keySet())) {
            listener.remoteValueRemoved(id, directory.visibleValues.remove(id));
        }
        for (String id : new ArrayList<>(directory.visibleActions.keySet())) {
            listener.remoteActionRemoved(id, directory.visibleActions.remove(id));
        }
        directory.clear();
        claimed.clear();
        shadowed.clear();
        failPending(null, ActionError.OWNER_GONE.name(), "the link to the broker was lost before the owner answered");
        listener.disconnected(reason);
    }

    // ---- presence and directory --------------------------------------------------------------------

    private void presenceArrived(String instance, byte[] payload) {
        if (instance.equals(self)) {
            return;
        }
        boolean online = false;
        Directory.Presence p = null;
        if (payload.length > 0) {
            JsonObject o = Payloads.object(payload);
            String state = Payloads.text(o, "state");
            online = "online".equals(state);
            if (online) {
                String h = Payloads.optionalText(o, "host");
                p = new Directory.Presence(h == null ? "" : h, o.has("since") ? Payloads.number(o, "since") : 0);
            } else if (!"offline".equals(state)) {
                throw new IllegalArgumentException("state '" + state + "' is not online or offline");
            }
        }
        if (online) {
            directory.present.put(instance, p);
            contestEntriesOf(instance, false);
            contestEntriesOf(instance, true);
        } else if (directory.present.remove(instance) == null) {
            return;
        } else {
            failPending(instance, ActionError.OWNER_GONE.name(), "instance '" + instance + "' left before answering");
        }
        directory.idsOf(instance).forEach((id, action) -> refresh(id, action));
        if (!online) {
            retryShadowed(instance);
        }
    }

    private void entryArrived(String topic, String[] levels, byte[] payload) {
        if (levels.length != 3 || !("value".equals(levels[1]) || "action".equals(levels[1]))) {
            throw new IllegalArgumentException("not dir/value/<id> or dir/action/<id>");
        }
        boolean action = "action".equals(levels[1]);
        String id = levels[2];
        if (payload.length == 0) {
            Entry gone = directory.entries(action).remove(id);
            refresh(id, action);
            if (gone != null) {
                retryShadowed(gone.owner());
            }
            return;
        }
        JsonObject o = Payloads.object(payload);
        String owner = Payloads.text(o, "owner");
        long claimTime = Payloads.number(o, "claimed");
        JsonObject body = Payloads.child(o, "entry");
        Entry e = action ? new Entry(owner, claimTime, null, WireJson.actionDescriptor(body))
                : new Entry(owner, claimTime, WireJson.valueDescriptor(body), null);
        String described = action ? e.action().id() : e.value().id();
        if (!described.equals(id)) {
            throw new IllegalArgumentException("the entry describes '" + described + "', not '" + id + "'");
        }
        if (owner.equals(self)) {
            if (!ownedValues.containsKey(id) && !ownedActions.containsKey(id)) {
                link.send(null, topic, mqttMessage(new byte[0], 1, true, null)); // from an earlier life: gone
            }
            return;
        }
        directory.entries(action).put(id, e);
        contest(id, e);
        refresh(id, action);
    }

    /**
     * Settles an id this instance claims against another instance's entry for it. An owner that is not present
     * (gone, or its presence not seen yet) cannot hold the id: this claim is published again over its entry. A
     * present one keeps it if its claim is earlier (ties go to the smaller instance id): this instance yields and
     * waits; otherwise this claim is published again and the other side yields when it sees it.
     */
    private void contest(String id, Entry theirs) {
        if (!claimed.contains(id)) {
            return;
        }
        long mine = claimedAt.getOrDefault(id, Long.MAX_VALUE);
        boolean theirsFirst = theirs.claimed() < mine || theirs.claimed() == mine && theirs.owner().compareTo(self) < 0;
        if (directory.present.containsKey(theirs.owner()) && theirsFirst) {
            claimed.remove(id);
            shadow(id, theirs.owner());
        } else {
            publishEntry(id);
        }
    }

    /** An instance's presence arrived after its entries: the ids both claim are settled now. */
    private void contestEntriesOf(String instance, boolean action) {
        List<Map.Entry<String, Entry>> theirs = new ArrayList<>();
        directory.entries(action).forEach((id, e) -> {
            if (e.owner().equals(instance) && claimed.contains(id)) {
                theirs.add(Map.entry(id, e));
            }
        });
        theirs.forEach(t -> contest(t.getKey(), t.getValue()));
    }

    /** Tells the listener what changed about one id. */
    private void refresh(String id, boolean action) {
        Map<String, String> visible = action ? directory.visibleActions : directory.visibleValues;
        boolean owned = action ? ownedActions.containsKey(id) : ownedValues.containsKey(id);
        String now = owned ? null : directory.shouldSee(id, action, self);
        String before = visible.get(id);
        if (before != null && !before.equals(now)) {
            visible.remove(id);
            if (action) {
                listener.remoteActionRemoved(id, before);
            } else {
                listener.remoteValueRemoved(id, before);
            }
        }
        if (now != null && !now.equals(before)) {
            visible.put(id, now);
            Entry e = directory.entries(action).get(id);
            if (action) {
                listener.remoteActionAdded(e.action(), now);
            } else {
                listener.remoteValueAdded(e.value(), now);
                Object[] last = lastRemoteValues.get(id);
                if (last != null) {
                    listener.valueEvent(id, last[0], (Long) last[1]);
                }
            }
        }
    }

    // ---- owning ids --------------------------------------------------------------------------------

    @Override
    public void register(Collection<ValueDescriptor> values, Collection<ActionDescriptor> actions) {
        long now = System.currentTimeMillis();
        List<String> ids = new ArrayList<>();
        values.forEach(v -> {
            ownedValues.put(v.id(), v);
            ids.add(v.id());
        });
        actions.forEach(a -> {
            ownedActions.put(a.id(), a);
            ids.add(a.id());
        });
        ids.forEach(id -> claimedAt.putIfAbsent(id, now));
        inbound.enqueue(null, () -> {
            if (isConnected()) {
                ids.forEach(this::claim);
            }
        });
    }

    private void claimAll() {
        List<String> ids = new ArrayList<>(ownedValues.keySet());
        ids.addAll(ownedActions.keySet());
        ids.forEach(this::claim);
    }

    /** Claims an owned id unless a present instance owns it (then the claim waits). Dispatcher thread. */
    private void claim(String id) {
        boolean action = ownedActions.containsKey(id);
        if (!action && !ownedValues.containsKey(id)) {
            return;
        }
        Entry e = directory.entries(action).get(id);
        if (e != null && !e.owner().equals(self) && directory.present.containsKey(e.owner())) {
            claimed.remove(id);
            shadow(id, e.owner());
            return;
        }
        shadowed.remove(id);
        claimed.add(id);
        publishEntry(id);
        OwnedValue last = lastOwnedValues.get(id);
        if (last != null) {
            sendValue(id, last);
        }
    }

    private void shadow(String id, String owner) {
        if (!owner.equals(shadowed.put(id, owner))) {
            report(new TransportProblem(TransportProblem.DUPLICATE_ID, id, owner, "'" + id + "' is owned by instance '"
                    + owner + "'; this instance's claim waits until that instance leaves"));
        }
    }

    private void retryShadowed(String formerOwner) {
        shadowed.forEach((id, owner) -> {
            if (owner.equals(formerOwner)) {
                claim(id);
            }
        });
    }

    private void publishEntry(String id) {
        boolean action = ownedActions.containsKey(id);
        directory.entries(action).remove(id); // the broker's entry is this one now; another owner's is overwritten
        JsonObject o = new JsonObject();
        o.addProperty("owner", self);
        o.addProperty("claimed", claimedAt.getOrDefault(id, System.currentTimeMillis()));
        o.addProperty("host", host);
        o.add("entry", action ? WireJson.toJson(ownedActions.get(id)) : WireJson.toJson(ownedValues.get(id)));
        link.send(null, action ? topics.actionEntry(id) : topics.valueEntry(id), mqttMessage(o, 1, true));
    }

    @Override
    public void unregister(Collection<String> ids) {
        List<String> gone = new ArrayList<>(ids);
        inbound.enqueue(null, () -> gone.forEach(id -> {
            boolean action = ownedActions.remove(id) != null;
            boolean value = ownedValues.remove(id) != null;
            claimedAt.remove(id);
            shadowed.remove(id);
            lastOwnedValues.remove(id);
            if (claimed.remove(id)) {
                link.send(null, action ? topics.actionEntry(id) : topics.valueEntry(id),
                        mqttMessage(new byte[0], 1, true, null));
            } else if (!action && !value) {
                report(new TransportProblem(TransportProblem.NOT_OWNER, id, "", "'" + id
                        + "' is not owned by this instance"));
            }
            refresh(id, action); // another instance's entry of this id may show now
        }));
    }

    // ---- values ------------------------------------------------------------------------------------

    @Override
    public void subscribe(Collection<String> ids) {
        boolean named = ids.stream().anyMatch(id -> !"*".equals(id) && !subscriptions.contains(id));
        List<String> added = new ArrayList<>();
        boolean first = subscriptions.isEmpty() && !ids.isEmpty();
        boolean all = ids.contains("*") && !subscriptions.contains("*");
        for (String id : ids) {
            if (subscriptions.add(id)) {
                added.add(id);
            }
        }
        link.subscribe(valueSubscriptions(all ? List.of("*") : added));
        if (first) {
            link.subscribe(List.of(streamSubscription(), stateSubscription()));
        }
        if (all) {
            // value/+ covers them: a second matching subscription would deliver every event twice
            link.unsubscribe(subscriptions.stream().filter(id -> !"*".equals(id)).map(topics::value).toList());
        }
        if (named) {
            publishDemand();
        }
    }

    /** Tells the owners which ids this instance subscribed to by name (retained; sent again on every connect). */
    private void publishDemand() {
        Set<String> named = new java.util.HashSet<>(subscriptions);
        named.remove("*");
        link.send(null, topics.demand(self), mqttMessage(Demands.payload(named), 1, true, null));
    }

    @Override
    public void publish(String valueId, Object value, long timestampMillis) {
        publish(valueId, value, timestampMillis, false);
    }

    /**
     * Sampled (docs/ipc-protocol.md, "Changes a link made"): the latest of each id every 100 ms, unless another
     * present instance subscribed to the id by name, which gets every change.
     */
    @Override
    public void publishDerived(String valueId, Object value, long timestampMillis) {
        publish(valueId, value, timestampMillis, true);
    }

    private void publish(String valueId, Object value, long timestampMillis, boolean linkMadeIt) {
        if (!ownedValues.containsKey(valueId)) {
            return;
        }
        OwnedValue v = new OwnedValue(value, timestampMillis);
        lastOwnedValues.put(valueId, v);
        if (!claimed.contains(valueId)) {
            return; // the claim is under way (it sends the last value) or waits for another owner to leave
        }
        if (!linkMadeIt || namedByOthers(valueId)) {
            derived.now(valueId, () -> sendValue(valueId, v));
        } else {
            derived.later(valueId, () -> {
                if (claimed.contains(valueId)) {
                    sendValue(valueId, v);
                }
            });
        }
    }

    /**
     * One message on the id's retained topic while the link keeps up; while it is backlogged, into the next batch
     * on the value stream, and the retained topic gets the latest sampled (docs/ipc-protocol.md, "Value stream").
     */
    private void sendValue(String id, OwnedValue v) {
        digest.changed(id);
        if (stream.isEmpty() && link.idle()) {
            link.send(id, topics.value(id), () -> mqttMessage(v.json(), settings.valueQos(), true));
            return;
        }
        stream.add(id, () -> {
            JsonObject event = v.json();
            event.addProperty("id", id);
            return event.toString();
        });
        copies.later(id, () -> sendStreamedCopy(id));
    }

    /** The latest value of a streamed id on its retained topic, marked {@code "s"}: subscribers had it already. */
    private void sendStreamedCopy(String id) {
        OwnedValue last = lastOwnedValues.get(id);
        if (last != null && claimed.contains(id)) {
            link.send(id, topics.value(id), () -> {
                JsonObject o = last.json();
                o.addProperty("s", true);
                return mqttMessage(o, settings.valueQos(), true);
            });
        }
    }

    /** The latest event of an owned id as the state digest sends it, or null while it is not published. */
    private JsonObject latestOwned(String id) {
        OwnedValue last = lastOwnedValues.get(id);
        return last != null && claimed.contains(id) ? last.json() : null;
    }

    private void valueArrived(String topic, String id, byte[] payload, boolean retained) {
        if (payload.length == 0) {
            return; // a retained value cleared
        }
        Object value;
        long ts;
        boolean copy;
        try {
            JsonObject o = Payloads.object(payload);
            value = WireJson.plain(Payloads.scalar(o, "v"));
            ts = Payloads.number(o, "ts");
            copy = o.has("s");
        } catch (IllegalArgumentException e) {
            refusals.refuse(topic, e.getMessage());
            return;
        }
        if (!retained && !copy) {
            deliverEvent(id, value, ts);
        } else if (!seenAlready(id, value, ts)) {
            deliverLatest(id, value, ts);
        } // else a copy of an event heard already: the broker's retained one, or a streamed event's
    }

    /** A batch on another instance's value stream: each event of an id subscribed to, as if it came alone. */
    private void streamArrived(String topic, byte[] payload) {
        subscribedEvents(topic, payload).forEach(e -> inbound.offer(e.id(), () -> deliverEvent(e.id(), e.value(),
                e.ts())));
    }

    /**
     * Another instance's state digest: the latest of each of its ids that changed lately. Delivered where it is
     * news (events of the id were dropped on the way); the rest was heard already.
     */
    private void stateArrived(String topic, byte[] payload) {
        List<Event> latest = subscribedEvents(topic, payload);
        if (!latest.isEmpty()) {
            inbound.offer(null, () -> latest.forEach(e -> {
                if (!seenAlready(e.id(), e.value(), e.ts())) {
                    deliverLatest(e.id(), e.value(), e.ts());
                }
            }));
        }
    }

    /** A value event of a batch (stream or digest). */
    private record Event(String id, Object value, long ts) {}

    /** The events of a batch whose ids this instance subscribed to; what is malformed is refused with its reason. */
    private List<Event> subscribedEvents(String topic, byte[] payload) {
        JsonArray events;
        try {
            events = Payloads.events(payload);
        } catch (IllegalArgumentException e) {
            refusals.refuse(topic, e.getMessage());
            return List.of();
        }
        boolean all = subscriptions.contains("*");
        List<Event> wanted = new ArrayList<>(events.size());
        for (JsonElement e : events) {
            try {
                JsonObject o = Payloads.event(e);
                String id = Payloads.text(o, "id");
                if (all || subscriptions.contains(id)) {
                    wanted.add(new Event(id, WireJson.plain(Payloads.scalar(o, "v")), Payloads.number(o, "ts")));
                }
            } catch (IllegalArgumentException ex) {
                refusals.refuse(topic, ex.getMessage());
            }
        }
        return wanted;
    }

    /** Whether the last value heard of {@code id} is this one or a later one. */
    private boolean seenAlready(String id, Object value, long ts) {
        Object[] last = lastRemoteValues.get(id);
        return last != null && ((Long) last[1] > ts || (Long) last[1] == ts && Objects.equals(last[0], value));
    }

    /**
     * A value its owner sent as its latest (a digest, the broker's retained copy) that this instance had not heard:
     * delivered, and events of the id older than it that are still on their way (behind it at the broker or in
     * the inbound queue) are dropped for {@link #FLOOR_NANOS}, instead of turning the value back.
     */
    private void deliverLatest(String id, Object value, long ts) {
        latestFloors.put(id, new long[] {ts, System.nanoTime() + FLOOR_NANOS});
        deliverValue(id, value, ts);
    }

    /** A value event as it came: delivered unless it is older than a latest value delivered just before. */
    private void deliverEvent(String id, Object value, long ts) {
        long[] floor = latestFloors.get(id);
        if (floor != null) {
            if (ts < floor[0] && System.nanoTime() - floor[1] < 0) {
                return;
            }
            latestFloors.remove(id, floor);
        }
        deliverValue(id, value, ts);
    }

    private void deliverValue(String id, Object value, long ts) {
        lastRemoteValues.put(id, new Object[] {value, ts});
        if (directory.visibleValues.containsKey(id)) {
            listener.valueEvent(id, value, ts);
        }
    }

    // ---- requests to owners ------------------------------------------------------------------------

    @Override
    public CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout) {
        return request(actionId, args, timeout, null);
    }

    @Override
    public CompletableFuture<Object> start(String actionId, List<?> args, Duration timeout, String runId) {
        return request(actionId, args, timeout, runId);
    }

    private CompletableFuture<Object> request(String actionId, List<?> args, Duration timeout, String runId) {
        Duration t = timeout == null ? settings.callTimeout() : timeout;
        JsonArray json;
        try {
            json = WireJson.args(args);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ActionException(actionId, ActionError.BAD_ARGUMENTS,
                    "the arguments cannot be sent as JSON: " + e.getMessage()));
        }
        JsonObject o = new JsonObject();
        o.add("args", json);
        o.addProperty("timeoutMs", t.toMillis());
        if (runId != null) {
            o.addProperty("run", runId);
        }
        CompletableFuture<Object> future = new CompletableFuture<>();
        send(Topics.CALL, actionId, true, o, t, future);
        return future;
    }

    @Override
    public CompletableFuture<Integer> interrupt(String actionId, String runId, Duration timeout) {
        Duration t = timeout == null ? settings.callTimeout() : timeout;
        CompletableFuture<Object> future = new CompletableFuture<>();
        send(Topics.INTERRUPT, actionId, true, Payloads.of("run", runId), t, future);
        return future.thenApply(n -> n instanceof Number count ? count.intValue() : 0);
    }

    @Override
    public CompletableFuture<Void> write(String valueId, Object value) {
        JsonObject o = new JsonObject();
        o.add("v", value instanceof JsonElement e ? e : WireJson.tree(value));
        CompletableFuture<Void> future = new CompletableFuture<>();
        send(Topics.WRITE, valueId, false, o, settings.callTimeout(), future);
        return future;
    }

    private void send(String kind, String id, boolean call, JsonObject body, Duration timeout,
            CompletableFuture<?> future) {
        String owner = call ? directory.visibleActions.get(id) : directory.visibleValues.get(id);
        if (owner == null) {
            future.completeExceptionally(call ? new ActionException(id, ActionError.UNKNOWN_ID,
                    "no instance of the application owns the action '" + id + "'")
                    : new UnknownIdException("value", id));
            return;
        }
        byte[] payload = Payloads.bytes(body);
        if (payload.length > settings.maxPayloadBytes()) {
            future.completeExceptionally(new ActionException(id, ActionError.BAD_ARGUMENTS, "the request of "
                    + payload.length + " bytes exceeds maxPayloadBytes " + settings.maxPayloadBytes()));
            return;
        }
        if (pending.size() >= settings.queueSize()) {
            fail(new Pending(id, owner, future, call, null), ActionError.OVERLOADED.name(), pending.size()
                    + " requests await an answer (queueSize); not sent", null);
            return;
        }
        long cid = cids.incrementAndGet();
        ScheduledFuture<?> timeoutTask;
        try {
            timeoutTask = timer.schedule(() -> {
                Pending p = pending.remove(cid);
                if (p != null) {
                    fail(p, ActionError.TIMEOUT.name(), ActionException.timeoutMessage(timeout), null);
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
            fail(new Pending(id, owner, future, call, null), ActionError.OWNER_GONE.name(),
                    "the IPC transport was closed", null);
            return;
        }
        Pending p = new Pending(id, owner, future, call, timeoutTask);
        pending.put(cid, p);
        if (!owner.equals(call ? directory.visibleActions.get(id) : directory.visibleValues.get(id))
                && pending.remove(cid) != null) {
            fail(p, ActionError.OWNER_GONE.name(), "instance '" + owner + "' left before answering", null);
            return;
        }
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(topics.reply(self));
        properties.setCorrelationData(ByteBuffer.allocate(16).putLong(sessionNonce).putLong(cid).array());
        properties.setMessageExpiryInterval(Math.max(1, (timeout.toMillis() + 999) / 1000));
        link.send(null, topics.request(kind, owner, id), mqttMessage(payload, settings.callQos(), false, properties));
    }

    private void reply(String topic, MqttMessage m) {
        byte[] correlation = m.getProperties() == null ? null : m.getProperties().getCorrelationData();
        if (correlation == null || correlation.length != 16) {
            refusals.refuse(topic, "a reply without this instance's correlation data");
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(correlation);
        if (b.getLong() != sessionNonce) {
            return; // for an earlier life of this instance
        }
        Pending p = pending.remove(b.getLong());
        if (p == null) {
            return; // timed out or failed meanwhile
        }
        JsonObject o;
        try {
            o = Payloads.object(m.getPayload());
        } catch (IllegalArgumentException e) {
            refusals.refuse(topic, e.getMessage());
            fail(p, ActionError.FAILED.name(), "the owner's reply was refused: " + e.getMessage(), null);
            return;
        }
        if (o.has("code")) {
            fail(p, text(o, "code"), text(o, "message"), text(o, "type"));
            return;
        }
        p.timeout().cancel(false);
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> future = (CompletableFuture<Object>) p.future();
        future.complete(p.call() ? WireJson.plain(o.get("result")) : null);
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static void fail(Pending p, String code, String message, String errorType) {
        if (p.timeout() != null) {
            p.timeout().cancel(false);
        }
        p.future().completeExceptionally(p.call() ? WireJson.callFailure(p.id(), code, message, errorType)
                : WireJson.writeFailure(p.id(), code, message));
    }

    /** Fails the requests awaiting {@code owner} (null: every request). */
    private void failPending(String owner, String code, String message) {
        pending.forEach((cid, p) -> {
            if ((owner == null || owner.equals(p.owner())) && pending.remove(cid) != null) {
                fail(p, code, message, null);
            }
        });
    }

    // ---- requests from others ----------------------------------------------------------------------

    private void requestArrived(String[] levels, MqttMessage m) {
        MqttProperties props = m.getProperties();
        String responseTopic = props == null ? null : props.getResponseTopic();
        byte[] correlation = props == null ? null : props.getCorrelationData();
        if (responseTopic == null || correlation == null) {
            throw new IllegalArgumentException("a request needs a response topic and correlation data");
        }
        if (levels.length != 3) {
            throw new IllegalArgumentException("not <kind>/<owner>/<id>");
        }
        String id = levels[2];
        CompletableFuture<?> outcome;
        boolean write = Topics.WRITE.equals(levels[0]);
        try {
            JsonObject o = Payloads.object(m.getPayload());
            outcome = switch (levels[0]) {
                case Topics.CALL -> incomingCall(id, o);
                case Topics.INTERRUPT -> ownedActions.containsKey(id) && claimed.contains(id)
                        ? listener.interruptRequested(id, Payloads.optionalText(o, "run")) : unknownAction(id);
                default -> ownedValues.containsKey(id) && claimed.contains(id)
                        ? listener.writeRequested(id, WireJson.plain(Payloads.scalar(o, "v")))
                        : CompletableFuture.failedFuture(new UnknownIdException("value", id));
            };
        } catch (IllegalArgumentException e) {
            refusals.refuse(levels[0] + " " + id, e.getMessage());
            outcome = CompletableFuture.failedFuture(write ? e
                    : new ActionException(id, ActionError.BAD_ARGUMENTS, "refused: " + e.getMessage()));
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((result, error) -> answer(responseTopic, correlation, id, write, result, error));
    }

    private CompletableFuture<?> incomingCall(String id, JsonObject o) {
        if (!ownedActions.containsKey(id) || !claimed.contains(id)) {
            return unknownAction(id);
        }
        JsonElement args = o.get("args");
        if (args != null && !args.isJsonArray()) {
            throw new IllegalArgumentException("'args' must be an array");
        }
        List<Object> list = WireJson.plainList(args == null ? new JsonArray() : args.getAsJsonArray());
        Duration timeout = o.has("timeoutMs") ? Duration.ofMillis(Math.max(1, Payloads.number(o, "timeoutMs")))
                : settings.callTimeout();
        String run = Payloads.optionalText(o, "run");
        return run == null ? listener.callRequested(id, list, timeout)
                : listener.startRequested(id, list, timeout, run);
    }

    private static CompletableFuture<Object> unknownAction(String id) {
        return CompletableFuture.failedFuture(new ActionException(id, ActionError.UNKNOWN_ID,
                "this instance does not own the action '" + id + "'"));
    }

    private void answer(String responseTopic, byte[] correlation, String id, boolean write, Object result,
            Throwable error) {
        JsonObject o = new JsonObject();
        if (error == null) {
            try {
                o.add("result", write ? com.google.gson.JsonNull.INSTANCE : WireJson.tree(result));
            } catch (RuntimeException e) {
                o = failure(ActionError.FAILED.name(), "the result could not be sent as JSON: " + e.getMessage(),
                        e.getClass().getName());
            }
        } else {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                    : error;
            if (write) {
                o = failure(WireJson.writeFailureCode(cause), String.valueOf(cause.getMessage()),
                        cause.getClass().getName());
            } else if (cause instanceof ActionException ae) {
                o = failure(ae.error().name(), ae.getMessage(), ae.remoteType());
            } else {
                o = failure(ActionError.FAILED.name(), String.valueOf(cause.getMessage()), cause.getClass().getName());
            }
        }
        if (!responseTopic.startsWith(topics.root() + Topics.REPLY + "/")) {
            refusals.refuse(responseTopic, "a response topic outside this application's reply topics: not answered");
            return;
        }
        MqttProperties properties = new MqttProperties();
        properties.setCorrelationData(correlation);
        link.send(null, responseTopic, mqttMessage(Payloads.bytes(o), settings.callQos(), false, properties));
    }

    private static JsonObject failure(String code, String message, String type) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        o.addProperty("message", message);
        if (type != null) {
            o.addProperty("type", type);
        }
        return o;
    }

    private void report(TransportProblem problem) {
        LOG.warn("Kervi IPC over MQTT, instance '{}': {}", self, problem);
        TransportListener l = listener;
        if (l != null) {
            l.problem(problem);
        }
    }

    // ---- status and closing ------------------------------------------------------------------------

    @Override
    public TransportStatus status() {
        Map<String, List<String>> byOwner = new TreeMap<>();
        List<String> mine = new ArrayList<>(claimed);
        byOwner.put(self, mine);
        directory.present.keySet().forEach(i -> byOwner.computeIfAbsent(i, k -> new ArrayList<>()));
        directory.visibleValues.forEach((id, owner) -> byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(id));
        directory.visibleActions.forEach((id, owner) -> byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(id));
        List<InstanceInfo> instances = new ArrayList<>();
        byOwner.forEach((owner, ids) -> {
            ids.sort(null);
            Directory.Presence p = directory.present.get(owner);
            String at = owner.equals(self) ? host : p == null ? "" : p.host();
            instances.add(new InstanceInfo(owner, ids, p == null ? 0 : p.since(), -1, -1, -1, -1, -1, at));
        });
        return new TransportStatus(isConnected(), settings.brokerUrl(), instances, messagesIn.get(),
                link.messagesOut(), bytesIn.get(), link.bytesOut(), link.coalesced() + inbound.coalesced()
                + stream.coalesced());
    }

    /** The host each present instance reported in its birth message. */
    public Map<String, String> hosts() {
        Map<String, String> hosts = new TreeMap<>();
        directory.present.forEach((instance, p) -> hosts.put(instance, p.host()));
        hosts.put(self, host);
        return hosts;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (isConnected()) {
            List<MqttLink.Outgoing> last = new ArrayList<>();
            for (String id : claimed) {
                last.add(MqttLink.Outgoing.of(ownedActions.containsKey(id) ? topics.actionEntry(id)
                        : topics.valueEntry(id), mqttMessage(new byte[0], 1, true, null)));
            }
            last.add(MqttLink.Outgoing.of(topics.demand(self), mqttMessage(new byte[0], 1, true, null)));
            last.add(MqttLink.Outgoing.of(topics.presence(self), mqttMessage(presence(false), 1, true)));
            link.publishNow(last, 2000);
        }
        link.close();
        inbound.close();
        timer.shutdownNow();
        failPending(null, ActionError.OWNER_GONE.name(), "the IPC transport was closed");
    }
}
