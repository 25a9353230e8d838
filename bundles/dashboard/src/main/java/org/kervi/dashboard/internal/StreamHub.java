package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import javax.servlet.ServletOutputStream;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueChange;

/**
 * Feeds every open live stream: value changes from the registry (local and remote), {@code model} events when
 * values or actions come and go (debounced), and pings. Keeps the chart history on the way.
 */
final class StreamHub implements AutoCloseable {
    private static final long MODEL_DEBOUNCE_MILLIS = 100;

    private final KerviRegistry registry;
    private final BiFunction<UserSession, Long, Model> models;
    private final History history;
    private final int heartbeatMillis;
    private final StreamSlots slots;
    private final Map<Long, StreamClient> clients = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicBoolean modelChangePending = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private final List<Registration> registrations = new ArrayList<>();
    private final ScheduledFuture<?> pings;
    private final StreamFanOut fanOut;
    /** The changes of the fan-out round being gathered (the fan-out thread's only). */
    private final List<ValuesBatch.Entry> round = new ArrayList<>();
    private final Map<Set<String>, Set<String>> streamedIdSets = new HashMap<>();
    private volatile java.util.function.Supplier<JsonObject> userLogSnapshot = () -> null;

    StreamHub(KerviRegistry registry, ActionService actions, BiFunction<UserSession, Long, Model> models,
            History history, int heartbeatMillis, DashboardSettings.StreamCaps caps) {
        this.registry = registry;
        this.models = models;
        this.history = history;
        this.heartbeatMillis = Math.max(500, heartbeatMillis);
        this.slots = new StreamSlots(caps);
        timer = Executors.newSingleThreadScheduledExecutor(named("kervi-dashboard-timer"));
        fanOut = new StreamFanOut(new StreamFanOut.Target() {
            @Override
            public void change(String valueId, Object current, long timestampMillis) {
                toRound(valueId, current, timestampMillis);
            }

            @Override
            public void endOfRound() {
                sendRound();
            }
        }, named("kervi-dashboard-fanout"));
        registrations.add(registry.subscribeAll(this::valueChanged));
        registrations.add(registry.addListener(new RegistryListener() {
            @Override
            public void valueAdded(ValueEntry entry) {
                modelChanged();
            }

            @Override
            public void valueRemoved(ValueEntry entry) {
                history.forget(entry.id());
                modelChanged();
            }
        }));
        registrations.add(actions.addListener(new ActionListener() {
            @Override
            public void actionAdded(ActionInfo action) {
                modelChanged();
            }

            @Override
            public void actionRemoved(ActionInfo action) {
                modelChanged();
            }
        }));
        pings = timer.scheduleAtFixedRate(this::ping, this.heartbeatMillis, this.heartbeatMillis,
                TimeUnit.MILLISECONDS);
    }

    long version() {
        return version.get();
    }

    /** A place for a stream of this user from this address, or a 503 (before any of the stream is sent). */
    StreamSlots.Slot reserve(UserSession session, String address) {
        return slots.reserve(session.user(), address);
    }

    /** Opens a stream in its reserved place: hello and a snapshot of every value the user sees come first. */
    StreamClient open(UserSession session, StreamSlots.Slot slot, String remote, ServletOutputStream out,
            Runnable onClosed) {
        long v = version.get();
        Model model = models.apply(session, v);
        StreamClient client = new StreamClient(ids.incrementAndGet(), session, remote,
                sameIds(model.streamedIds()), out, c -> {
                    clients.remove(c.id());
                    slot.close();
                    onClosed.run();
                });
        clients.put(client.id(), client);
        JsonObject hello = new JsonObject();
        hello.addProperty("version", v);
        hello.addProperty("heartbeatMillis", heartbeatMillis);
        client.offerControl("hello", hello);
        client.offerControl("snapshot", snapshot(model));
        JsonObject userLog = userLogSnapshot.get();
        if (userLog != null) {
            client.offerControl("userlog", userLog);
        }
        try {
            client.start();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return client;
    }

    private JsonArray snapshot(Model model) {
        JsonArray all = new JsonArray();
        for (ValueEntry entry : registry.values()) {
            Value<?> v = entry.value();
            if (model.streamedIds().contains(v.id())) {
                all.add(WireValues.event(v.id(), v.hasFired() ? WireValues.state(v.get())
                        : com.google.gson.JsonNull.INSTANCE, v.changedAtMillis()));
            }
        }
        return all;
    }

    /**
     * On the thread that set the value (for a remote value: the IPC reader): the chart history, then the change is
     * handed to {@link #fanOut} — the work per open stream must not hold up the IPC link behind it.
     */
    private void valueChanged(ValueChange<?> change) {
        Object current = change.current();
        if (current instanceof Number n) {
            history.record(change.id(), n.doubleValue(), change.timestampMillis());
        }
        if (!clients.isEmpty()) {
            fanOut.offer(change.id(), current, change.timestampMillis());
        }
    }

    /** On the fan-out thread: each change encoded once, into the round. */
    private void toRound(String valueId, Object current, long timestampMillis) {
        round.add(new ValuesBatch.Entry(valueId,
                WireValues.event(valueId, WireValues.state(current), timestampMillis).toString()));
    }

    /**
     * On the fan-out thread: the round, encoded once per set of ids that streams see (streams of users who see the
     * same share one {@link #sameIds} instance), to every open stream; an idle stream is written to at once, on this
     * thread, without blocking (see {@link StreamClient}).
     */
    private void sendRound() {
        if (round.isEmpty()) {
            return;
        }
        ValuesBatch batch = new ValuesBatch(round);
        round.clear();
        Map<Set<String>, ValuesBatch> byStreamedIds = new IdentityHashMap<>();
        for (StreamClient client : clients.values()) {
            ValuesBatch seen = byStreamedIds.computeIfAbsent(client.streamedIds(), batch::only);
            if (!seen.isEmpty()) {
                client.offerValues(seen);
            }
        }
    }

    /** Something appeared or left: tell every stream once, {@value #MODEL_DEBOUNCE_MILLIS} ms later. */
    void modelChanged() {
        if (modelChangePending.compareAndSet(false, true)) {
            try {
                timer.schedule(this::announceModel, MODEL_DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                modelChangePending.set(false);
            }
        }
    }

    private void announceModel() {
        modelChangePending.set(false);
        long v = version.incrementAndGet();
        JsonObject data = new JsonObject();
        data.addProperty("version", v);
        synchronized (streamedIdSets) {
            streamedIdSets.clear();
        }
        for (StreamClient client : clients.values()) {
            client.streamedIds(sameIds(models.apply(client.session(), v).streamedIds()));
            client.offerControl("model", data);
        }
    }

    /** The one instance of the streams' sets of ids equal to {@code ids}, so a round is filtered once per set. */
    private Set<String> sameIds(Set<String> ids) {
        synchronized (streamedIdSets) {
            return streamedIdSets.computeIfAbsent(ids, same -> same);
        }
    }

    /** Where an opening stream gets the user log's newest entries (null when there is no user log). */
    void userLogSnapshot(java.util.function.Supplier<JsonObject> snapshot) {
        userLogSnapshot = snapshot;
    }

    /** An entry of the user log, to every open stream. */
    void userLogged(JsonObject event) {
        clients.values().forEach(c -> c.offerControl("userlog", event));
    }

    private void ping() {
        JsonObject data = new JsonObject();
        data.addProperty("t", System.currentTimeMillis());
        clients.values().forEach(c -> c.offerControl("ping", data));
    }

    List<StreamClient> clients() {
        return List.copyOf(clients.values());
    }

    /** Closes every stream (the browsers reconnect and resync); returns how many were open. */
    int dropAll() {
        List<StreamClient> open = clients();
        open.forEach(StreamClient::close);
        return open.size();
    }

    @Override
    public void close() {
        pings.cancel(false);
        registrations.forEach(Registration::close);
        dropAll();
        timer.shutdownNow();
        fanOut.close();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
