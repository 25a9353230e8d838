package org.kervi.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands value changes from the threads that set them to one fan-out thread, which offers each to every open
 * stream. Pending changes wait keyed by id (the latest wins, as in each stream), so a fan-out that falls behind
 * costs at most one entry per value. The setter takes a lock, puts, and wakes the thread only when it sleeps.
 * The changes taken together form a round, closed by {@link Target#endOfRound()}: while a round is sent, the next
 * one gathers.
 */
final class StreamFanOut implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamFanOut.class);
    /** What the fan-out thread does with one change. */
    @FunctionalInterface
    interface Target {
        void change(String valueId, Object current, long timestampMillis);

        /** After the changes taken together: the place to send them as one. */
        default void endOfRound() {
        }
    }

    private record Change(Object current, long timestampMillis) {
    }

    private final Target target;
    private final Thread thread;
    private Map<String, Change> pending = new LinkedHashMap<>();
    private Map<String, Change> spare = new LinkedHashMap<>();
    private boolean sleeping;
    private volatile boolean closed;

    StreamFanOut(Target target, ThreadFactory threads) {
        this.target = target;
        thread = threads.newThread(this::run);
        thread.start();
    }

    void offer(String valueId, Object current, long timestampMillis) {
        synchronized (this) {
            pending.put(valueId, new Change(current, timestampMillis));
            if (sleeping) {
                sleeping = false;
                notify();
            }
        }
    }

    private void run() {
        while (!closed) {
            Map<String, Change> batch;
            synchronized (this) {
                while (pending.isEmpty() && !closed) {
                    sleeping = true;
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = pending;
                pending = spare;
            }
            batch.forEach(this::deliver);
            batch.clear();
            endRound();
            synchronized (this) {
                spare = batch;
            }
        }
    }

    private void deliver(String valueId, Change c) {
        try {
            target.change(valueId, c.current(), c.timestampMillis());
        } catch (RuntimeException e) {
            LOG.warn("Dashboard: the change of '{}' did not reach the live streams: {}", valueId, e.toString());
        }
    }

    private void endRound() {
        try {
            target.endOfRound();
        } catch (RuntimeException e) {
            LOG.warn("Dashboard: value changes did not reach the live streams: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
