package org.kervi.ipc.mqtt.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the changes of owned values that a link made ({@link org.kervi.ipc.api.Transport#publishDerived}) sampled:
 * the latest of each id every {@link #SAMPLE_MILLIS}. A full change of an id goes out at once and drops the id's
 * waiting derived change, so a derived change never overtakes a later full one.
 */
final class DerivedSampler {
    static final long SAMPLE_MILLIS = 100;
    private final ScheduledExecutorService timer;
    /** id → the send of its latest derived change; guarded by this. */
    private final Map<String, Runnable> waiting = new LinkedHashMap<>();
    private volatile boolean idle = true;

    DerivedSampler(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** A derived change: sent with the next sample. */
    synchronized void later(String id, Runnable send) {
        waiting.put(id, send);
        if (idle) {
            idle = false;
            try {
                timer.schedule(this::flush, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                waiting.clear();
                idle = true;
            }
        }
    }

    /** A full change (or a derived one someone named): sent now, instead of the id's waiting derived change. */
    void now(String id, Runnable send) {
        if (idle) {
            send.run();
            return;
        }
        synchronized (this) {
            waiting.remove(id);
            send.run();
        }
    }

    /** Sends the waiting derived changes of these ids now (someone named them). */
    synchronized void release(Collection<String> ids) {
        for (String id : ids) {
            Runnable send = waiting.remove(id);
            if (send != null) {
                send.run();
            }
        }
    }

    private void flush() {
        List<Runnable> sends;
        synchronized (this) {
            sends = new ArrayList<>(waiting.values());
            waiting.clear();
            idle = true;
            sends.forEach(Runnable::run);
        }
    }
}
