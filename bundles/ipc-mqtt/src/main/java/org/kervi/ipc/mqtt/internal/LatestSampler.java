package org.kervi.ipc.mqtt.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the latest task of each id at most every {@link #SAMPLE_MILLIS}: the sends a burst can do without. */
final class LatestSampler {
    static final long SAMPLE_MILLIS = 100;
    private final ScheduledExecutorService timer;
    /** id → its latest task; guarded by this. */
    private final Map<String, Runnable> waiting = new LinkedHashMap<>();
    private boolean idle = true;

    LatestSampler(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    synchronized void later(String id, Runnable task) {
        waiting.put(id, task);
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

    private void flush() {
        List<Runnable> tasks;
        synchronized (this) {
            tasks = new ArrayList<>(waiting.values());
            waiting.clear();
            idle = true;
        }
        tasks.forEach(Runnable::run);
    }
}
