package org.kervi.dashboard.internal;

import java.util.function.Supplier;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.ValueHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a history query from the {@code kervi-history} store when it runs, else (or for values it does not record)
 * from what the dashboard keeps in memory, with a note saying what that means for the range asked.
 */
final class HistoryLookup {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryLookup.class);

    /** A series and, when it may not cover the whole range, why (null otherwise). */
    record Answer(HistorySeries series, String note) {}

    private final Supplier<ValueHistory> store;
    private final History memory;

    /** @param store the store now, or null while {@code kervi-history} is not installed */
    HistoryLookup(Supplier<ValueHistory> store, History memory) {
        this.store = store;
        this.memory = memory;
    }

    boolean storeRunning() {
        return store.get() != null;
    }

    Answer find(HistoryQuery q) {
        ValueHistory history = store.get();
        if (history == null) {
            return new Answer(fromMemory(q), memoryShort(q)
                    ? "only the last " + memory.capacity() + " changes kept in the dashboard's memory: install the "
                            + "kervi-history feature for longer ranges"
                    : null);
        }
        HistorySeries stored;
        try {
            stored = history.history(q.id(), q.fromMillis(), q.toMillis(), q.points());
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        } catch (RuntimeException e) {
            LOG.debug("History query for {} failed", q.id(), e);
            return new Answer(fromMemory(q), "the history store failed (" + e.getMessage()
                    + "): only the dashboard's memory");
        }
        if (stored.points().isEmpty()) {
            HistorySeries kept = fromMemory(q);
            if (!kept.points().isEmpty()) {
                return new Answer(kept, "not in the history store (not recorded?): only the dashboard's memory");
            }
        }
        return new Answer(stored, null);
    }

    private HistorySeries fromMemory(HistoryQuery q) {
        return memory.series(q.id(), q.fromMillis(), q.toMillis(), q.points());
    }

    /** The range reaches further back than the memory's oldest point, and older ones were let go. */
    private boolean memoryShort(HistoryQuery q) {
        return q.fromMillis() < memory.oldestMillis(q.id()) && memory.full(q.id());
    }
}
