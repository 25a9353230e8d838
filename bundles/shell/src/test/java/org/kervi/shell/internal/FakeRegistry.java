package org.kervi.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.kervi.api.Registration;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.LinkInfo;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.RemoteValueWriter;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueListener;

/** A registry holding the entries a test gives it: enough for what the shell reads. */
final class FakeRegistry implements KerviRegistry {
    private final String instanceId;
    private final List<ValueEntry> values = new ArrayList<>();

    FakeRegistry(String instanceId) {
        this.instanceId = instanceId;
    }

    FakeRegistry with(Value<?> value, String componentId, String owner) {
        values.add(new ValueEntry(value, componentId, owner, owner.equals(instanceId)));
        values.sort(Comparator.comparing(ValueEntry::id));
        return this;
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
        return List.copyOf(values);
    }

    @Override
    public Optional<ValueEntry> value(String id) {
        return values.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public List<LinkInfo> links() {
        return List.of();
    }

    @Override
    public CompletableFuture<Void> setValue(String id, Object raw) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration subscribeAll(ValueListener<Object> listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration addListener(RegistryListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration addRemoteValue(Value<?> proxy, String componentId, String owner, RemoteValueWriter writer) {
        throw new UnsupportedOperationException();
    }
}
