package org.kervi.automation.internal.links;

import java.util.ArrayList;
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
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueListener;

/** The part of a registry action links use: values that come and go, and every value's changes. */
final class FakeRegistry implements KerviRegistry {
    private final Map<String, ValueEntry> values = new ConcurrentHashMap<>();
    private final List<ValueListener<Object>> all = new CopyOnWriteArrayList<>();
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    <V extends Value<?>> V add(V value) {
        ValueEntry entry = new ValueEntry(value, "test", "a", true);
        values.put(value.id(), entry);
        ((Value) value).addListener(change -> all.forEach(l -> l.valueChanged((org.kervi.api.values.ValueChange) change)));
        listeners.forEach(l -> l.valueAdded(entry));
        return value;
    }

    @Override
    public String instanceId() {
        return "a";
    }

    @Override
    public List<ComponentInfo> components() {
        return List.of();
    }

    @Override
    public List<ValueEntry> values() {
        return new ArrayList<>(values.values());
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
        values.get(id).value().setFromOutside(raw);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Registration subscribeAll(ValueListener<Object> listener) {
        all.add(listener);
        return () -> all.remove(listener);
    }

    @Override
    public Registration addListener(RegistryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Registration addRemoteValue(Value<?> proxy, String componentId, String owner, RemoteValueWriter writer) {
        throw new UnsupportedOperationException();
    }
}
