package org.kervi.history.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store works, told once per transition: WARN when it starts failing (not per batch, not per value),
 * INFO when it works again.
 */
final class StoreHealth {
    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

    record State(boolean healthy, String problem, long sinceMillis) {}

    private final String location;
    private volatile State state = new State(true, "", 0);

    StoreHealth(String location) {
        this.location = location;
    }

    State state() {
        return state;
    }

    synchronized void failed(Exception e, long nowMillis) {
        String problem = e.getMessage() == null ? e.toString() : e.getMessage();
        if (state.healthy()) {
            LOG.warn("Value history: writing to {} fails ({}); keeping up to the queue's capacity, dropping and"
                    + " counting the rest, retrying with back-off (kervi:history-status)", location, problem);
            state = new State(false, problem, nowMillis);
        } else if (!problem.equals(state.problem())) {
            state = new State(false, problem, state.sinceMillis());
        }
    }

    synchronized void worked(long nowMillis, long droppedMeanwhile) {
        if (!state.healthy()) {
            LOG.info("Value history: writing to {} works again after {} s; {} value(s) dropped meanwhile", location,
                    (nowMillis - state.sinceMillis()) / 1000, droppedMeanwhile);
            state = new State(true, "", nowMillis);
        }
    }
}
