package org.kervi.ipc.internal.tcp;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Derived value events (changes a link made, see {@link org.kervi.ipc.api.Transport#publishDerived}) on their way
 * to the hub: an id that another instance subscribed to by name (the hub says so with {@code demand}) goes out at
 * once; any other waits in a latest-wins slot that is sent every {@link #SAMPLE_MILLIS}. Keeps the order of one
 * id's events: a full event supersedes a waiting derived one.
 */
final class DerivedValues {
    static final long SAMPLE_MILLIS = 100;
    private final Set<String> demanded = ConcurrentHashMap.newKeySet();
    private final Map<String, Frame> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile boolean flushing;
    private final ScheduledExecutorService scheduler;
    private final Consumer<Frame> send;

    DerivedValues(ScheduledExecutorService scheduler, Consumer<Frame> send) {
        this.scheduler = scheduler;
        this.send = send;
    }

    /** A derived event: sent now if demanded, else sampled. */
    void offer(Frame f) {
        if (demanded.contains(f.id)) {
            send.accept(f);
            return;
        }
        waiting.put(f.id, f);
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::flush, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                flushScheduled.set(false);
            }
        }
    }

    /** A full event: sent now, after (or instead of) the id's waiting derived one. */
    void sendFull(Frame f) {
        if (waiting.isEmpty() && !flushing) {
            send.accept(f);
            return;
        }
        synchronized (this) {
            waiting.remove(f.id);
            send.accept(f);
        }
    }

    void demand(Collection<String> ids) {
        demanded.addAll(ids);
        synchronized (this) {
            for (String id : ids) {
                Frame f = waiting.remove(id);
                if (f != null) {
                    send.accept(f);
                }
            }
        }
    }

    void undemand(Collection<String> ids) {
        demanded.removeAll(ids);
    }

    /** The link to the hub is gone: demands end with it, waiting events are dropped (the owner publishes all again). */
    void reset() {
        demanded.clear();
        waiting.clear();
    }

    private synchronized void flush() {
        flushing = true;
        flushScheduled.set(false);
        try {
            for (String id : waiting.keySet()) {
                Frame f = waiting.remove(id);
                if (f != null) {
                    send.accept(f);
                }
            }
        } finally {
            flushing = false;
        }
    }
}
