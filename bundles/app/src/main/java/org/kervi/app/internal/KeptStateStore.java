package org.kervi.app.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kervi.api.history.StoredValue;
import org.kervi.api.history.ValueHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's kept states in the value history, when the {@code kervi-history} service is there: written as
 * they change, read back after a restart of the root. Without it nothing is stored and nothing is read. A store
 * that fails is logged once until it works again; the states stay in memory meanwhile.
 */
final class KeptStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(KeptStateStore.class);
    private volatile ValueHistory history;
    private final AtomicBoolean failing = new AtomicBoolean();

    boolean present() {
        return history != null;
    }

    /** Uses this history from now on and returns what it kept (empty if it cannot be read). */
    Map<String, Object> use(ValueHistory newHistory) {
        history = newHistory;
        Map<String, Object> states = new LinkedHashMap<>();
        try {
            for (StoredValue stored : newHistory.keptStates().values()) {
                if (stored.value() != null) {
                    states.put(stored.id(), stored.value());
                }
            }
            LOG.info("Persisted values: {} kept states read from the value history", states.size());
        } catch (RuntimeException e) {
            LOG.error("Persisted values: the value history could not give the kept states back: {}", e.toString());
        }
        return states;
    }

    /** Stops using this history (it went away); a different one may already be in use. */
    void forget(ValueHistory gone) {
        if (history == gone) {
            history = null;
        }
    }

    void keep(String id, Object value) {
        ValueHistory current = history;
        if (current == null) {
            return;
        }
        try {
            current.keepState(id, value);
            if (failing.compareAndSet(true, false)) {
                LOG.info("Persisted values: the value history takes kept states again");
            }
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.error("Persisted values: the value history refused the state of {} ({}); states are kept in"
                        + " memory, and survive no restart of the root until it takes them again", id, e.toString());
            }
        }
    }
}
