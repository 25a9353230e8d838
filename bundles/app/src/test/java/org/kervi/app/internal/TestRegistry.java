package org.kervi.app.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.api.Registration;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.RemoteValueWriter;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueListener;

/**
 * The root's registry as {@link PersistedValues} sees it: local values, and values of module instances whose writes
 * reach the value at once (as the module's answer and its echo would) and are listed in {@link #writes()}.
 */
final class TestRegistry implements KerviRegistry {
    private final String instanceId;
    private final Map<String, ValueEntry> values = new ConcurrentHashMap<>();
    private final Map<String, Registration> forwarding = new ConcurrentHashMap<>();
    private final List<ValueListener<Object>> subscribers = new CopyOnWriteArrayList<>();
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final List<String> writes = new CopyOnWriteArrayList<>();

    TestRegistry(String instanceId) {
        this.instanceId = instanceId;
    }

    /** Adds a value owned by {@code owner}: local when that is this instance. */
    @SuppressWarnings("unchecked")
    <V extends Value<?>> V add(V value, String owner) {
        ValueEntry entry = new ValueEntry(value, "component", owner, owner.equals(instanceId));
        values.put(value.id(), entry);
        forwarding.put(value.id(), ((Value<Object>) value).addListener(change -> subscribers.forEach(
                s -> s.valueChanged(change))));
        listeners.forEach(l -> l.valueAdded(entry));
        return value;
    }

    void remove(String id) {
        ValueEntry entry = values.remove(id);
        forwarding.remove(id).close();
        listeners.forEach(l -> l.valueRemoved(entry));
    }

    /** Every write from outside, as {@code id=value}, in order. */
    List<String> writes() {
        return List.copyOf(writes);
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public List<ComponentInfo> components() {
        return List.of();
    }

    @Override
    public List<ValueEntry> values() {
        List<ValueEntry> list = new ArrayList<>(values.values());
        list.sort(Comparator.comparing(ValueEntry::id));
        return list;
    }

    @Override
    public Optional<ValueEntry> value(String id) {
        return Optional.ofNullable(values.get(id));
    }

    @Override
    public List<LinkInfo> links() {
        return List.of();
    }

    @Override
    public CompletableFuture<Void> setValue(String id, Object raw) {
        ValueEntry entry = values.get(id);
        if (entry == null) {
            return CompletableFuture.failedFuture(new UnknownIdException("value", id));
        }
        writes.add(id + "=" + raw);
        try {
            entry.value().setFromOutside(raw);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Registration subscribeAll(ValueListener<Object> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public Registration addListener(RegistryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Registration addRemoteValue(Value<?> proxy, String componentId, String owner, RemoteValueWriter writer) {
        throw new UnsupportedOperationException("values are added with add(value, owner)");
    }
}
