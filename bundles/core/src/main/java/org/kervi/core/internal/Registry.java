package org.kervi.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.api.Registration;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.RemoteValueWriter;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Link;
import org.kervi.api.values.LinkDirection;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueChange;
import org.kervi.api.values.ValueListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The instance's directory of components, values (local and remote proxies) and links. */
@Component(service = {KerviRegistry.class, Registry.class}, configurationPid = "org.kervi.core")
@Designate(ocd = CoreConfig.class)
public final class Registry implements KerviRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private final String instanceId;
    private final Map<String, Entry> values = new ConcurrentHashMap<>();
    private final Map<KerviComponent, ComponentRecord> components = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ValueListener<Object>> allListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<RegistryListener> registryListeners = new CopyOnWriteArrayList<>();
    private final LinkEngine links = new LinkEngine();
    private final Object lock = new Object();

    private record Entry(ValueEntry info, RemoteValueWriter writer, Registration forwarding) {}

    /** A component and what became of it; {@code linkWatches} make its values' later {@code linkTo} calls count. */
    record ComponentRecord(KerviComponent component, String bundle, List<String> actionIds, String error,
            List<Registration> linkWatches) {}

    @Activate
    public Registry(CoreConfig config) {
        this.instanceId = InstanceIds.resolve(config.instanceId());
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    /**
     * Registers a component's values and links; throws {@link IllegalStateException} if a value id is taken or a
     * link runs the wrong way ({@link LinkDirection}).
     */
    void addComponent(KerviComponent component, String bundle, List<String> actionIds) {
        List<Runnable> deliveries = new ArrayList<>();
        List<ValueEntry> added = new ArrayList<>();
        synchronized (lock) {
            for (Value<?> v : component.values()) {
                Entry existing = values.get(v.id());
                if (existing != null) {
                    throw new IllegalStateException("value id '" + v.id() + "' is already owned by component '"
                            + existing.info().componentId() + "' in instance '" + existing.info().owner() + "'");
                }
                for (Link link : v.links()) {
                    wrongDirection(link).ifPresent(problem -> {
                        throw new IllegalStateException(problem);
                    });
                }
            }
            List<Registration> linkWatches = new ArrayList<>();
            // the component first: whoever sees one of its values finds the component listed too
            components.put(component, new ComponentRecord(component, bundle, actionIds, null, linkWatches));
            for (Value<?> v : component.values()) {
                ValueEntry info = new ValueEntry(v, component.id(), instanceId, true);
                putEntry(info, null, deliveries);
                added.add(info);
            }
            for (Value<?> v : component.values()) {
                linkWatches.add(v.watchLinks(link -> linkAdded(component, link)));
                deliveries.addAll(links.addLinks(v.links(), this::entryInfo, instanceId));
            }
        }
        afterChange(deliveries, added, List.of());
    }

    private static Optional<String> wrongDirection(Link link) {
        Optional<String> problem = LinkDirection.followerProblem(link.input(), link.sourceId());
        if (problem.isEmpty() && link.byObject()) {
            problem = LinkDirection.sourceProblem(link.input(), link.sourceId(), link.sourceObject().role());
        }
        return problem;
    }

    /** A {@code linkTo} on a value of a registered component: resolved now, like the links it had at registration. */
    private void linkAdded(KerviComponent component, Link link) {
        List<Runnable> deliveries;
        synchronized (lock) {
            ComponentRecord record = components.get(component);
            if (record == null || record.error() != null) {
                return;
            }
            deliveries = links.addLinks(List.of(link), this::entryInfo, instanceId);
        }
        LOG.info("Kervi link added after registration: {} follows {}", link.input().id(), link.sourceId());
        afterChange(deliveries, List.of(), List.of());
    }

    /** Lists a component that was refused, with the reason. */
    void addRefused(KerviComponent component, String bundle, String error) {
        components.put(component, new ComponentRecord(component, bundle, List.of(), error, List.of()));
    }

    void removeComponent(KerviComponent component) {
        List<ValueEntry> removed = new ArrayList<>();
        synchronized (lock) {
            ComponentRecord record = components.remove(component);
            if (record == null || record.error() != null) {
                return;
            }
            record.linkWatches().forEach(Registration::close);
            for (Value<?> v : component.values()) {
                links.removeLinks(v.links());
                Entry entry = values.get(v.id());
                if (entry != null && entry.info().value() == v) {
                    removeEntry(v.id(), entry);
                    removed.add(entry.info());
                }
            }
        }
        afterChange(List.of(), List.of(), removed);
    }

    @Override
    public Registration addRemoteValue(Value<?> proxy, String componentId, String owner, RemoteValueWriter writer) {
        List<Runnable> deliveries = new ArrayList<>();
        ValueEntry info = new ValueEntry(proxy, componentId == null ? "" : componentId, owner, false);
        synchronized (lock) {
            Entry existing = values.get(proxy.id());
            if (existing != null) {
                throw new IllegalStateException("value id '" + proxy.id() + "' is already owned by instance '"
                        + existing.info().owner() + "'");
            }
            putEntry(info, writer, deliveries);
        }
        afterChange(deliveries, List.of(info), List.of());
        return () -> {
            boolean gone;
            synchronized (lock) {
                Entry entry = values.get(proxy.id());
                gone = entry != null && entry.info() == info;
                if (gone) {
                    removeEntry(proxy.id(), entry);
                }
            }
            if (gone) {
                afterChange(List.of(), List.of(), List.of(info));
            }
        };
    }

    /**
     * Registers values the runtime keeps (a component's action states) as local values of {@code componentId}
     * ({@code ""}: of no component, so they do not count as the component's own); refused whole if an id is taken.
     * The registration removes them.
     */
    Registration addRuntimeValues(String componentId, List<Value<?>> runtimeValues) {
        List<Runnable> deliveries = new ArrayList<>();
        List<ValueEntry> added = new ArrayList<>();
        synchronized (lock) {
            for (Value<?> v : runtimeValues) {
                Entry existing = values.get(v.id());
                if (existing != null) {
                    throw new IllegalStateException("value id '" + v.id() + "' is already owned by component '"
                            + existing.info().componentId() + "' in instance '" + existing.info().owner() + "'");
                }
            }
            for (Value<?> v : runtimeValues) {
                ValueEntry info = new ValueEntry(v, componentId, instanceId, true);
                putEntry(info, null, deliveries);
                added.add(info);
            }
        }
        afterChange(deliveries, added, List.of());
        return () -> {
            List<ValueEntry> removed = new ArrayList<>();
            synchronized (lock) {
                for (ValueEntry info : added) {
                    Entry entry = values.get(info.id());
                    if (entry != null && entry.info() == info) {
                        removeEntry(info.id(), entry);
                        removed.add(info);
                    }
                }
            }
            afterChange(List.of(), List.of(), removed);
        };
    }

    private void putEntry(ValueEntry info, RemoteValueWriter writer, List<Runnable> deliveries) {
        @SuppressWarnings("unchecked")
        Value<Object> value = (Value<Object>) info.value();
        Registration forwarding = value.addListener(this::forward);
        values.put(value.id(), new Entry(info, writer, forwarding));
        deliveries.addAll(links.sourceAdded(info));
    }

    private void removeEntry(String id, Entry entry) {
        values.remove(id);
        entry.forwarding().close();
        links.sourceRemoved(id);
    }

    private ValueEntry entryInfo(String id) {
        Entry e = values.get(id);
        return e == null ? null : e.info();
    }

    private void forward(ValueChange<?> change) {
        for (ValueListener<Object> listener : allListeners) {
            try {
                listener.valueChanged(change);
            } catch (RuntimeException e) {
                LOG.warn("value listener {} failed on {}", listener, change.id(), e);
            }
        }
    }

    private void afterChange(List<Runnable> deliveries, List<ValueEntry> added, List<ValueEntry> removed) {
        for (ValueEntry entry : added) {
            registryListeners.forEach(l -> notify(() -> l.valueAdded(entry)));
        }
        for (ValueEntry entry : removed) {
            registryListeners.forEach(l -> notify(() -> l.valueRemoved(entry)));
        }
        deliveries.forEach(Registry::notify);
    }

    private static void notify(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("registry listener failed", e);
        }
    }

    @Override
    public List<ComponentInfo> components() {
        List<ComponentRecord> records;
        synchronized (lock) {
            records = new ArrayList<>(components.values());
        }
        List<ComponentInfo> infos = new ArrayList<>();
        for (ComponentRecord r : records) {
            KerviComponent c = r.component();
            String failure = c.isStarted() ? c.lastError() : null;
            String state = r.error() != null ? "refused"
                    : failure != null ? "failing" : c.isStarted() ? "started" : "registered";
            infos.add(new ComponentInfo(c.id(), c.name(), c.type(), r.bundle(),
                    r.error() != null ? List.of() : c.values().stream().map(Value::id).toList(), r.actionIds(), state,
                    r.error() != null ? r.error() : failure, c.isVisible()));
        }
        // same id twice (a refused duplicate): the accepted one first, whatever the map's order
        infos.sort(Comparator.comparing(ComponentInfo::id).thenComparing(i -> !i.error().isEmpty()));
        return infos;
    }

    /** The components whose values are registered. */
    List<KerviComponent> registeredComponents() {
        return components.values().stream().filter(r -> r.error() == null).map(ComponentRecord::component).toList();
    }

    @Override
    public List<ValueEntry> values() {
        List<ValueEntry> list = new ArrayList<>(values.size());
        synchronized (lock) {
            values.values().forEach(e -> list.add(e.info()));
        }
        list.sort(Comparator.comparing(ValueEntry::id));
        return list;
    }

    @Override
    public Optional<ValueEntry> value(String id) {
        return Optional.ofNullable(entryInfo(id));
    }

    @Override
    public List<LinkInfo> links() {
        List<LinkInfo> infos;
        synchronized (lock) {
            infos = links.describe();
        }
        infos.sort(Comparator.comparing(LinkInfo::inputId).thenComparing(LinkInfo::sourceId));
        return infos;
    }

    @Override
    public CompletableFuture<Void> setValue(String id, Object raw) {
        Entry entry = values.get(id);
        if (entry == null) {
            return CompletableFuture.failedFuture(new UnknownIdException("value", id));
        }
        if (entry.writer() != null) {
            try {
                Value<?> proxy = entry.info().value();
                if (!proxy.role().writableFromOutside()) {
                    throw Value.readOnly(id, proxy.role());
                }
                proxy.validate(raw);
                RemoteAnswer<Void> answer = new RemoteAnswer<>("the owner's answer to a write of", id);
                entry.writer().write(id, raw).whenComplete((r, e) -> {
                    if (e == null) {
                        answer.complete(r);
                    } else {
                        answer.completeExceptionally(e instanceof CompletionException && e.getCause() != null
                                ? e.getCause() : e);
                    }
                });
                return answer;
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        try {
            entry.info().value().setFromOutside(raw);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Registration subscribeAll(ValueListener<Object> listener) {
        allListeners.add(listener);
        return () -> allListeners.remove(listener);
    }

    @Override
    public Registration addListener(RegistryListener listener) {
        registryListeners.add(listener);
        return () -> registryListeners.remove(listener);
    }
}
