package org.kervi.app.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.HistoryStatus;
import org.kervi.api.history.StoredValue;
import org.kervi.api.history.ValueHistory;

/** Kept states in a map, as a store keeps them across a restart of the root; no recorded history. */
final class MemoryValueHistory implements ValueHistory {
    private final Map<String, StoredValue> kept = new ConcurrentHashMap<>();
    private volatile boolean failing;

    MemoryValueHistory keeping(String id, Object value) {
        kept.put(id, new StoredValue(id, System.currentTimeMillis(), value));
        return this;
    }

    /** From now on every call fails, as a store whose disk is gone. */
    void fail(boolean fails) {
        failing = fails;
    }

    Object kept(String id) {
        StoredValue stored = kept.get(id);
        return stored == null ? null : stored.value();
    }

    @Override
    public void keepState(String id, Object value) {
        check();
        keeping(id, value);
    }

    @Override
    public Map<String, StoredValue> keptStates() {
        check();
        return Map.copyOf(kept);
    }

    private void check() {
        if (failing) {
            throw new IllegalStateException("disk I/O error");
        }
    }

    @Override
    public HistorySeries history(String id, long fromMillis, long toMillis, int maxPoints) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, StoredValue> lastValues(Collection<String> ids) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int importPoints(String id, List<org.kervi.api.history.HistoryPoint> points) {
        throw new UnsupportedOperationException();
    }

    @Override
    public HistoryStatus status() {
        throw new UnsupportedOperationException();
    }
}
