package org.kervi.history.internal;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.kervi.api.Ids;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.HistoryStatus;
import org.kervi.api.history.StoredValue;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueChange;

/**
 * The value history over one store: records the changes the rules select through the batching writer, and answers
 * queries. An unknown id has an empty history. Reads that fail throw {@link IllegalStateException} naming the store.
 */
final class RecordedHistory implements ValueHistory, AutoCloseable {
    static final long RETENTION_EVERY_MILLIS = 3_600_000;
    private static final long IMPORT_WAIT_MILLIS = 10_000;

    private final HistorySettings settings;
    private final HistoryStore store;
    private final HistoryWriter writer;
    private final Map<String, StoredValue> lastQueued = new ConcurrentHashMap<>();

    RecordedHistory(HistorySettings settings, HistoryStore store, long maxBackoffMillis) {
        this.settings = settings;
        this.store = store;
        this.writer = new HistoryWriter(store, settings.location(), settings.queueCapacity(), settings.batchMillis(),
                maxBackoffMillis, this::deleteExpired, RETENTION_EVERY_MILLIS);
    }

    RecordedHistory start() {
        writer.start();
        return this;
    }

    /** A value's change, from the registry's subscription: queued when the rules record this value. */
    void changed(ValueChange<?> change) {
        Value<?> value = change.value();
        Object current = change.current();
        if (current == null || !settings.recording().records(value.id(), value.kind(), value.isPersisted(),
                value.logDeclared())) {
            return;
        }
        Sample sample = Sample.of(value.id(), change.timestampMillis(), current);
        if (writer.offer(sample)) {
            lastQueued.put(sample.id(), new StoredValue(sample.id(), sample.timeMillis(), sample.value()));
        }
    }

    private void deleteExpired() throws SQLException {
        long now = System.currentTimeMillis();
        store.deleteExpired(id -> now - settings.rawRetention(id).toMillis(),
                now - settings.rollupRetention().toMillis());
    }

    /** Runs retention with the next batch (it runs at start and hourly anyway). */
    void deleteExpiredSoon() {
        writer.maintainSoon();
    }

    @Override
    public HistorySeries history(String id, long fromMillis, long toMillis, int maxPoints) {
        requireId(id);
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("empty range: 'to' (" + toMillis + ") is before 'from' ("
                    + fromMillis + ")");
        }
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
        }
        boolean olderThanRaw = fromMillis < System.currentTimeMillis() - settings.rawRetention(id).toMillis();
        try {
            return store.query(id, fromMillis, toMillis, maxPoints, olderThanRaw);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Map<String, StoredValue> lastValues(Collection<String> ids) {
        Map<String, StoredValue> values;
        try {
            values = new LinkedHashMap<>(store.lastValues(ids));
        } catch (SQLException e) {
            throw unavailable(e);
        }
        for (String id : ids) {
            StoredValue queued = lastQueued.get(id);
            StoredValue stored = values.get(id);
            if (queued != null && (stored == null || queued.timeMillis() >= stored.timeMillis())) {
                values.put(id, queued);
            }
        }
        return values;
    }

    @Override
    public void keepState(String id, Object value) {
        requireId(id);
        Objects.requireNonNull(value, "the state to keep of " + id + " is null");
        writer.keep(new StoredValue(id, System.currentTimeMillis(), value));
    }

    @Override
    public Map<String, StoredValue> keptStates() {
        Map<String, StoredValue> kept;
        try {
            kept = new LinkedHashMap<>(store.keptStates());
        } catch (SQLException e) {
            throw unavailable(e);
        }
        kept.putAll(writer.pendingKept());
        return kept;
    }

    /** Queues the points (waiting for room while the queue is full, up to 10 s per point); returns how many. */
    @Override
    public int importPoints(String id, List<HistoryPoint> points) {
        requireId(id);
        List<Sample> samples = points.stream().map(p -> {
            if (p.value() == null) {
                throw new IllegalArgumentException("point at " + p.timeMillis() + " of " + id + " has no value");
            }
            return Sample.of(id, p.timeMillis(), p.value());
        }).toList();
        try {
            return writer.offerAll(samples, IMPORT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public HistoryStatus status() {
        StoreHealth.State health = writer.health();
        return new HistoryStatus(store.kind(), settings.location(), health.healthy(), health.problem(),
                health.healthy() ? 0 : health.sinceMillis(), writer.written(), writer.queued(), writer.capacity(),
                writer.dropped(), writer.lastWriteMillis(), settings.batchMillis());
    }

    private static void requireId(String id) {
        Ids.requireValid(id, "value");
    }

    private IllegalStateException unavailable(SQLException e) {
        return new IllegalStateException("the history store (" + store.kind() + " " + settings.location()
                + ") cannot be read: " + e.getMessage(), e);
    }

    /** Stops recording after a last attempt to write what is queued, then closes the store. */
    @Override
    public void close() {
        writer.close();
        store.close();
    }
}
