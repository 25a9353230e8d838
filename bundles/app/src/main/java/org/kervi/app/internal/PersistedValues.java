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
import org.kervi.api.history.ValueHistory;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.RegistryListener;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.ValueChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the application's persisted values ({@link org.kervi.api.values.Value#persist()}): what a value was
 * set to while its owner served, written back when the owner serves again — a module after its instance restarted,
 * the root's own components after the root restarted.
 *
 * <p>Held in memory, and with the {@code kervi-history} service also in its store ({@link ValueHistory#keepState}),
 * read back at the next start of the root. Only changes made while the owner serves count as state: the defaults a
 * restarted owner publishes before it is restored are not recorded.
 */
final class PersistedValues implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PersistedValues.class);
    private static final long WRITE_TIMEOUT_SECONDS = 10;
    private final KerviRegistry registry;
    private final String rootId;
    private final KeptStateStore store = new KeptStateStore();
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Set<String> recording = ConcurrentHashMap.newKeySet();
    private final Registration subscription;
    private final Registration arrivals;

    /**
     * @param owner the instance that owned the value when it was kept, empty when read from the store and not seen
     *     since
     * @param state false for a value only seen (its owner's first value in this run, no state to store)
     */
    private record Kept(String owner, Object value, boolean state) {}

    PersistedValues(KerviRegistry registry) {
        this.registry = registry;
        this.rootId = registry.instanceId();
        this.subscription = registry.subscribeAll(this::changed);
        this.arrivals = registry.addListener(new RegistryListener() {
            @Override
            public void valueAdded(ValueEntry entry) {
                arrived(entry);
            }
        });
    }

    // ---- the value history, an optional service ---------------------------------------------------------------

    /**
     * Reads the states the history kept. A state changed in this run wins over the stored one (and is stored); a
     * stored one replaces what was only seen, and is written back at once to a value whose owner already serves
     * (the history came late).
     */
    void useHistory(ValueHistory history) {
        Map<String, Object> stored = store.use(history);
        List<ValueEntry> late = new ArrayList<>();
        synchronized (this) {
            kept.forEach((id, k) -> {
                if (k.state() && !Objects.equals(stored.get(id), k.value())) {
                    store.keep(id, k.value());
                }
            });
            stored.forEach((id, value) -> {
                Kept mine = kept.get(id);
                if (mine == null || !mine.state()) {
                    ValueEntry present = registry.value(id).orElse(null);
                    String owner = present != null ? present.owner() : mine == null ? "" : mine.owner();
                    kept.put(id, new Kept(owner, value, true));
                    if (present != null && recording.contains(owner)) {
                        late.add(present);
                    }
                }
            });
        }
        for (ValueEntry entry : late) {
            LOG.warn("Persisted values: the value history came after {} was restored; writing its kept state now",
                    entry.id());
            write(entry, kept.get(entry.id()).value());
        }
    }

    void noHistory(ValueHistory history) {
        store.forget(history);
    }

    // ---- recording --------------------------------------------------------------------------------------------

    private void changed(ValueChange<?> change) {
        if (!change.value().isPersisted() || change.current() == null) {
            return;
        }
        registry.value(change.id()).filter(e -> e.value() == change.value() && recording.contains(e.owner()))
                .ifPresent(e -> remember(e.id(), e.owner(), change.current()));
    }

    private synchronized void remember(String id, String owner, Object value) {
        Kept previous = kept.put(id, new Kept(owner, value, true));
        if (previous == null || !previous.state() || !Objects.equals(previous.value(), value)) {
            store.keep(id, value);
        }
    }

    /** Stops recording this module's values (it no longer serves; what it publishes now is not the state). */
    void pause(String module) {
        recording.remove(module);
    }

    // ---- restoring --------------------------------------------------------------------------------------------

    /**
     * Writes the kept values of this module's persisted values back (a value with none is remembered as it is,
     * not stored), then records their changes again. Completes when every write was answered; a refused write is
     * logged, not fatal.
     */
    CompletableFuture<Void> restore(String module) {
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (ValueEntry entry : registry.values()) {
            if (!entry.local() && entry.owner().equals(module) && entry.value().isPersisted()) {
                writes.add(restore(entry));
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .thenRun(() -> recording.add(module));
    }

    /**
     * Writes the kept values of the root's own persisted values back, before its components start and the app code
     * runs, and records their changes from then on (also of components the root gets later).
     */
    void restoreLocal() {
        for (ValueEntry entry : registry.values()) {
            if (entry.local() && entry.value().isPersisted()) {
                restore(entry);
            }
        }
        recording.add(rootId);
    }

    /** A root component added once the root serves gets its kept state before it starts. */
    private void arrived(ValueEntry entry) {
        if (entry.local() && entry.value().isPersisted() && recording.contains(rootId)) {
            restore(entry);
        }
    }

    private CompletableFuture<Void> restore(ValueEntry entry) {
        Kept k;
        synchronized (this) {
            k = kept.get(entry.id());
            if (k == null || !k.owner().equals(entry.owner())) {
                Object now = entry.value().hasFired() || entry.local() ? entry.value().get() : null;
                if (k == null) {
                    if (now != null) {
                        kept.put(entry.id(), new Kept(entry.owner(), now, false));
                    }
                    return CompletableFuture.completedFuture(null);
                }
                k = new Kept(entry.owner(), k.value(), k.state());
                kept.put(entry.id(), k);
            }
        }
        if (Objects.equals(k.value(), entry.value().get())) {
            return CompletableFuture.completedFuture(null);
        }
        return write(entry, k.value());
    }

    private CompletableFuture<Void> write(ValueEntry entry, Object value) {
        LOG.info("{} '{}': restoring {} = {}", entry.local() ? "Root" : "Module", entry.owner(), entry.id(), value);
        return registry.setValue(entry.id(), value).orTimeout(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .exceptionally(e -> {
                    LOG.warn("'{}': could not restore {} = {}: {}", entry.owner(), entry.id(), value, e.getMessage());
                    return null;
                });
    }

    // ---- for the shell ----------------------------------------------------------------------------------------

    /** What is kept for this module's values (or the root's, by its instance id). */
    Map<String, Object> remembered(String owner) {
        Map<String, Object> mine = new TreeMap<>();
        kept.forEach((id, k) -> {
            if (k.owner().equals(owner)) {
                mine.put(id, k.value());
            }
        });
        return mine;
    }

    @Override
    public void close() {
        subscription.close();
        arrivals.close();
    }
}
