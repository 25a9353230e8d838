package org.kervi.ipc.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.runtime.RemoteEventThreads;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Link;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueSource;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.Transport;
import org.kervi.ipc.api.TransportListener;
import org.kervi.ipc.api.TransportProblem;
import org.kervi.ipc.api.ValueDescriptor;
import org.kervi.ipc.internal.tcp.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects a {@link Transport} to this instance's core: registers local values and actions (and keeps them in
 * sync as components come and go), publishes local value changes (never proxies; changes made by a link as
 * derived, see {@link Transport#publishDerived}), subscribes by name to the ids its links follow, turns remote
 * values into registry proxies and remote actions into {@link org.kervi.api.actions.ActionHandler}s, and serves
 * calls and writes from other instances.
 */
public final class IpcBridge implements TransportListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IpcBridge.class);
    private final KerviRegistry registry;
    private final ActionService actions;
    private final Transport transport;
    private final ActionHandlerRegistrar registrar;
    private final Map<String, LocalValue> localValues = new ConcurrentHashMap<>();
    private final Map<String, RemoteValue> remoteValues = new ConcurrentHashMap<>();
    private final Map<String, Registration> remoteActions = new ConcurrentHashMap<>();
    private Registration registryListener = () -> { };
    private Registration actionListener = () -> { };
    private volatile String lastProblem = "";
    private final RateLimitedLog complaints = new RateLimitedLog(LOG);
    private final Object localLock = new Object();

    private static final Set<String> KNOWN_PROBLEMS = Set.of(TransportProblem.AUTH_FAILED,
            TransportProblem.VERSION, TransportProblem.DUPLICATE_INSTANCE, TransportProblem.PROTOCOL,
            TransportProblem.NOT_OWNER, TransportProblem.RESERVED, TransportProblem.QUOTA);

    private record LocalValue(Value<?> value, Registration publishing, Registration linkWatch) {}

    private record RemoteValue(Value<?> proxy, Registration registration) {}

    public IpcBridge(KerviRegistry registry, ActionService actions, Transport transport,
            ActionHandlerRegistrar registrar) {
        this.registry = registry;
        this.actions = actions;
        this.transport = transport;
        this.registrar = registrar;
    }

    public Transport transport() {
        return transport;
    }

    /** Registers what exists, follows what comes and goes, subscribes to every value and connects. */
    public synchronized void start() {
        registryListener = registry.addListener(new RegistryListener() {
            @Override
            public void valueAdded(ValueEntry entry) {
                if (entry.local()) {
                    addLocal(entry);
                }
            }

            @Override
            public void valueRemoved(ValueEntry entry) {
                if (entry.local()) {
                    removeLocal(entry);
                }
            }
        });
        actionListener = actions.addListener(new ActionListener() {
            @Override
            public void actionAdded(ActionInfo action) {
                if (action.local()) {
                    transport.register(List.of(), List.of(Proxies.describe(action)));
                }
            }

            @Override
            public void actionRemoved(ActionInfo action) {
                if (action.local()) {
                    transport.unregister(List.of(action.id()));
                }
            }
        });
        registry.values().forEach(e -> {
            if (e.local()) {
                addLocal(e);
            }
        });
        List<ActionDescriptor> local = actions.actions().stream().filter(ActionInfo::local).map(Proxies::describe)
                .toList();
        transport.register(List.of(), local);
        transport.subscribe(List.of("*"));
        transport.start(this);
    }

    private void addLocal(ValueEntry entry) {
        Value<?> v = entry.value();
        String id = v.id();
        synchronized (localLock) {
            if (localValues.containsKey(id)) {
                return;
            }
            Registration publishing = v.addListener(change -> {
                if (change.source() == ValueSource.LINK) {
                    transport.publishDerived(id, Proxies.toWire(change.current()), change.timestampMillis());
                } else {
                    transport.publish(id, Proxies.toWire(change.current()), change.timestampMillis());
                }
            });
            Registration linkWatch = v.watchLinks(link -> linkAdded(entry, link));
            localValues.put(id, new LocalValue(v, publishing, linkWatch));
        }
        transport.register(List.of(Proxies.describe(entry)), List.of());
        // by name: a followed value that is itself derived elsewhere (a linked input) then sends every change
        List<String> followed = v.links().stream().filter(l -> !l.byObject()).map(Link::sourceId).toList();
        if (!followed.isEmpty()) {
            transport.subscribe(followed);
        }
        if (v.hasFired()) {
            transport.publish(id, Proxies.toWire(v.get()), v.changedAtMillis());
        }
    }

    /**
     * A {@code linkTo} after registration: subscribes to its source by name, and registers the value again so that
     * other instances see the link in its {@value Value#LINKED_TO} attribute (they replace their proxy; the current
     * value follows at once).
     */
    private void linkAdded(ValueEntry entry, Link link) {
        if (!link.byObject()) {
            transport.subscribe(List.of(link.sourceId()));
        }
        Value<?> v = entry.value();
        synchronized (localLock) {
            LocalValue lv = localValues.get(v.id());
            if (lv == null || lv.value() != v) {
                return;
            }
            transport.register(List.of(Proxies.describe(entry)), List.of());
            if (v.hasFired()) {
                transport.publish(v.id(), Proxies.toWire(v.get()), v.changedAtMillis());
            }
        }
    }

    private void removeLocal(ValueEntry entry) {
        LocalValue lv = localValues.get(entry.id());
        if (lv != null && lv.value() == entry.value() && localValues.remove(entry.id(), lv)) {
            lv.publishing().close();
            lv.linkWatch().close();
            transport.unregister(List.of(entry.id()));
        }
    }

    // ---- TransportListener -------------------------------------------------------------------------

    @Override
    public void connected() {
        lastProblem = "";
        // the hub may be new: give it the current value of everything this instance owns
        for (LocalValue lv : localValues.values()) {
            Value<?> v = lv.value();
            if (v.hasFired()) {
                transport.publish(v.id(), Proxies.toWire(v.get()), v.changedAtMillis());
            }
        }
    }

    @Override
    public void remoteValueAdded(ValueDescriptor value, String owner) {
        Value<?> proxy;
        try {
            proxy = Proxies.proxy(value);
        } catch (RuntimeException e) {
            LOG.error("Kervi IPC: cannot make a proxy of value '{}' of instance '{}': {}", value.id(), owner,
                    e.getMessage());
            return;
        }
        try {
            Registration r = registry.addRemoteValue(proxy, value.componentId(), owner, transport::write);
            RemoteValue old = remoteValues.put(value.id(), new RemoteValue(proxy, r));
            if (old != null) {
                old.registration().close();
            }
        } catch (IllegalStateException e) {
            LOG.error("Kervi IPC: value '{}' of instance '{}' is not linked here: {}", value.id(), owner,
                    e.getMessage());
        }
    }

    @Override
    public void remoteValueRemoved(String valueId, String owner) {
        RemoteValue rv = remoteValues.remove(valueId);
        if (rv != null) {
            rv.registration().close();
        }
    }

    @Override
    public void valueEvent(String valueId, Object value, long timestampMillis) {
        RemoteValue rv = remoteValues.get(valueId);
        if (rv == null) {
            return;
        }
        String outer = RemoteEventThreads.enter(valueId);
        try {
            Proxies.set(rv.proxy(), value);
        } catch (RuntimeException e) {
            complaints.warn("events not applied", "Kervi IPC: event of '{}' not applied: {}", valueId,
                    e.getMessage());
        } finally {
            RemoteEventThreads.exit(outer);
        }
    }

    @Override
    public void remoteActionAdded(ActionDescriptor action, String owner) {
        Optional<ActionInfo> existing = actions.action(action.id());
        if (existing.isPresent() && existing.get().local()) {
            LOG.error("Kervi IPC: action '{}' of instance '{}' is not callable here: a local action has that id",
                    action.id(), owner);
            return;
        }
        Registration r = registrar.register(new RemoteActionHandler(Proxies.info(action, owner), transport),
                action.id(), owner);
        Registration old = remoteActions.put(action.id(), r);
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void remoteActionRemoved(String actionId, String owner) {
        Registration r = remoteActions.remove(actionId);
        if (r != null) {
            r.close();
        }
    }

    @Override
    public CompletableFuture<Object> callRequested(String actionId, List<Object> args, Duration timeout) {
        Optional<ActionInfo> action = actions.action(actionId);
        if (action.isEmpty() || !action.get().local()) {
            return CompletableFuture.failedFuture(new ActionException(actionId, ActionError.UNKNOWN_ID,
                    "instance '" + transport.instanceId() + "' has no action '" + actionId + "'"));
        }
        return actions.call(actionId, args, timeout);
    }

    @Override
    public CompletableFuture<Object> startRequested(String actionId, List<Object> args, Duration timeout,
            String runId) {
        Optional<ActionInfo> action = actions.action(actionId);
        if (action.isEmpty() || !action.get().local()) {
            return CompletableFuture.failedFuture(new ActionException(actionId, ActionError.UNKNOWN_ID,
                    "instance '" + transport.instanceId() + "' has no action '" + actionId + "'"));
        }
        return actions.start(actionId, args, timeout, runId).result();
    }

    @Override
    public CompletableFuture<Integer> interruptRequested(String actionId, String runId) {
        Optional<ActionInfo> action = actions.action(actionId);
        if (action.isEmpty() || !action.get().local()) {
            return CompletableFuture.failedFuture(new ActionException(actionId, ActionError.UNKNOWN_ID,
                    "instance '" + transport.instanceId() + "' has no action '" + actionId + "'"));
        }
        if (runId != null && !actionId.equals(org.kervi.api.actions.ActionStateIds.actionOfRun(runId))) {
            return CompletableFuture.failedFuture(new ActionException(actionId, ActionError.BAD_ARGUMENTS,
                    "run id '" + runId + "' is not a run of action '" + actionId + "'"));
        }
        return actions.interrupt(runId == null ? actionId : runId);
    }

    @Override
    public CompletableFuture<Void> writeRequested(String valueId, Object value) {
        Optional<ValueEntry> entry = registry.value(valueId);
        if (entry.isEmpty() || !entry.get().local()) {
            return CompletableFuture.failedFuture(new UnknownIdException("value", valueId));
        }
        return RemoteEventThreads.deliver(valueId, () -> registry.setValue(valueId, value));
    }

    @Override
    public void problem(TransportProblem problem) {
        String text = problem.toString();
        if (text.equals(lastProblem)) {
            LOG.debug("Kervi IPC: {}", text);
            return;
        }
        lastProblem = text;
        if (TransportProblem.DUPLICATE_ID.equals(problem.code())) {
            complaints.error(problem.code(), "Kervi IPC: '{}' of this instance stays local only: instance '{}' "
                    + "owns that id ({})", problem.id(), problem.owner(), problem.message());
        } else {
            complaints.error(KNOWN_PROBLEMS.contains(problem.code()) ? problem.code() : "other problems",
                    "Kervi IPC: {}", text);
        }
    }

    @Override
    public synchronized void close() {
        registryListener.close();
        actionListener.close();
        transport.close();
        remoteValues.keySet().forEach(id -> remoteValueRemoved(id, ""));
        remoteActions.keySet().forEach(id -> remoteActionRemoved(id, ""));
        localValues.values().forEach(lv -> {
            lv.publishing().close();
            lv.linkWatch().close();
        });
        localValues.clear();
    }
}
