package org.kervi.app.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.kervi.api.Registration;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.ValueChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last values of the modules' persisted values ({@link org.kervi.api.values.Value#persist()}), as the root sees
 * them while a module serves, written back when the module serves again after a restart. Held in memory: it
 * survives module restarts, not a restart of the root.
 */
final class PersistedValues implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PersistedValues.class);
    private final KerviRegistry registry;
    private final Map<String, Kept> last = new ConcurrentHashMap<>();
    private final Set<String> recording = ConcurrentHashMap.newKeySet();
    private final Registration subscription;

    private record Kept(String owner, Object value) {}

    PersistedValues(KerviRegistry registry) {
        this.registry = registry;
        this.subscription = registry.subscribeAll(this::changed);
    }

    private void changed(ValueChange<?> change) {
        if (change.value().isPersisted() && change.current() != null) {
            registry.value(change.id()).filter(e -> !e.local() && recording.contains(e.owner()))
                    .ifPresent(e -> last.put(e.id(), new Kept(e.owner(), change.current())));
        }
    }

    /**
     * Writes the remembered values of this module's persisted values back (the first time, remembers the values
     * it has), then records their changes again. Completes when every write was answered; a refused write is
     * logged, not fatal.
     */
    CompletableFuture<Void> restore(String module) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (ValueEntry entry : registry.values()) {
            if (entry.local() || !entry.owner().equals(module) || !entry.value().isPersisted()) {
                continue;
            }
            Kept kept = last.get(entry.id());
            Object remembered = kept == null ? null : kept.value();
            if (remembered == null) {
                if (entry.value().hasFired()) {
                    last.put(entry.id(), new Kept(module, entry.value().get()));
                }
            } else if (!Objects.equals(remembered, entry.value().get())) {
                LOG.info("Module '{}': restoring {} = {}", module, entry.id(), remembered);
                writes.add(registry.setValue(entry.id(), remembered).orTimeout(10, TimeUnit.SECONDS)
                        .exceptionally(e -> {
                            LOG.warn("Module '{}': could not restore {} = {}: {}", module, entry.id(), remembered,
                                    e.getMessage());
                            return null;
                        }));
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .thenRun(() -> recording.add(module));
    }

    /** Stops recording this module's values (it no longer serves; what it publishes now is not the state). */
    void pause(String module) {
        recording.remove(module);
    }

    /** What is remembered for this module's values, for the shell. */
    Map<String, Object> remembered(String module) {
        Map<String, Object> mine = new TreeMap<>();
        last.forEach((id, kept) -> {
            if (kept.owner().equals(module)) {
                mine.put(id, kept.value());
            }
        });
        return mine;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
