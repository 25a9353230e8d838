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
 * Runs the latest task of each id at most every {@link #SAMPLE_MILLIS}: the sends a burst can do without (changes a
 * link made, see {@link org.kervi.ipc.api.Transport#publishDerived}; retained copies of streamed values). A task run
 * {@link #now} drops the id's waiting one, so a sampled send never overtakes a later one.
 */
final class LatestSampler {
    static final long SAMPLE_MILLIS = 100;
    private final ScheduledExecutorService timer;
    /** id → its latest task; guarded by this. */
    private final Map<String, Runnable> waiting = new LinkedHashMap<>();
    private volatile boolean idle = true;

    LatestSampler(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Runs {@code send} with the next sample, instead of the id's task waiting now. */
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

    /** Runs {@code send} now, instead of the id's waiting task. */
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

    /** Runs the waiting tasks of these ids now. */
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
