package org.kervi.history.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.kervi.api.history.StoredValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes changes in batches from one thread: every {@code batchMillis} (sooner when the queue is half full) what
 * queued up goes to the store in one transaction. The queue is bounded; what does not fit is counted as dropped. A
 * failing batch is kept and retried with back-off (doubling up to {@code maxBackoffMillis}) while new changes wait
 * in the queue, so memory stays within twice the capacity. The same thread runs the periodic {@code maintenance}
 * (retention), so it never competes with a batch.
 */
final class HistoryWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    /** Work the writer thread runs now and then (retention); may fail like a batch. */
    interface Maintenance {
        void run() throws Exception;
    }

    private final HistoryStore store;
    private final BlockingQueue<Sample> queue;
    private final int capacity;
    private final long batchMillis;
    private final long maxBackoffMillis;
    private final Maintenance maintenance;
    private final long maintenanceEveryMillis;
    private final StoreHealth health;
    private final Map<String, StoredValue> pendingKept = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile long lastWriteMillis;
    private volatile long nextMaintenanceMillis;

    HistoryWriter(HistoryStore store, String location, int capacity, long batchMillis, long maxBackoffMillis,
            Maintenance maintenance, long maintenanceEveryMillis) {
        this.store = store;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchMillis = batchMillis;
        this.maxBackoffMillis = Math.max(batchMillis, maxBackoffMillis);
        this.maintenance = maintenance;
        this.maintenanceEveryMillis = maintenanceEveryMillis;
        this.health = new StoreHealth(location);
        this.thread = new Thread(this::run, "kervi-history-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a change; false (and counted as dropped) when the queue is full. */
    boolean offer(Sample sample) {
        if (queue.offer(sample)) {
            wakeWhenHalfFull();
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    /**
     * Queues changes from an import, waiting up to {@code waitMillis} for room for each; returns how many were
     * queued (the rest is not: the caller says so, nothing is counted as dropped).
     */
    int offerAll(List<Sample> samples, long waitMillis) throws InterruptedException {
        int queued = 0;
        for (Sample s : samples) {
            if (!queue.offer(s, waitMillis, TimeUnit.MILLISECONDS)) {
                break;
            }
            wakeWhenHalfFull();
            queued++;
        }
        return queued;
    }

    /** Checked every 1,024 changes, so the queue's lock is not taken twice per change. */
    private void wakeWhenHalfFull() {
        if ((offered.incrementAndGet() & 1023) == 0 && queue.size() >= capacity / 2) {
            LockSupport.unpark(thread);
        }
    }

    /** The state to keep for an id, written with the next batch (a later call for the same id replaces it). */
    void keep(StoredValue state) {
        pendingKept.put(state.id(), state);
    }

    /** Kept states not written yet. */
    Map<String, StoredValue> pendingKept() {
        return Map.copyOf(pendingKept);
    }

    /** Runs the maintenance with the next batch. */
    void maintainSoon() {
        nextMaintenanceMillis = 0;
    }

    long written() {
        return written.get();
    }

    long dropped() {
        return dropped.get();
    }

    int queued() {
        return queue.size();
    }

    int capacity() {
        return capacity;
    }

    long lastWriteMillis() {
        return lastWriteMillis;
    }

    StoreHealth.State health() {
        return health.state();
    }

    private void run() {
        List<Sample> batch = new ArrayList<>();
        long backoff = batchMillis;
        long droppedAtFailure = 0;
        long due = System.nanoTime() + batchMillis * 1_000_000;
        while (!awaitBatch(due)) {
            long started = System.nanoTime();
            boolean failing = !health.state().healthy();
            try {
                writeBatch(batch);
                if (failing) {
                    health.worked(System.currentTimeMillis(), dropped.get() - droppedAtFailure);
                }
                backoff = batchMillis;
            } catch (Exception e) {
                if (!failing) {
                    droppedAtFailure = dropped.get();
                }
                health.failed(e, System.currentTimeMillis());
                backoff = Math.min(maxBackoffMillis, backoff * 2);
            }
            maintainIfDue();
            due = started + backoff * 1_000_000;
        }
        try {
            writeBatch(batch);
            writeBatch(batch);
        } catch (Exception e) {
            LOG.warn("Value history: the last {} change(s) could not be written at stop: {}",
                    batch.size() + queue.size(), e.getMessage());
        }
    }

    /**
     * Waits until {@code dueNanos} or, while the store works, until the queue is half full; true when stopping.
     * Batches start every batch window (not a window after the last one ended), so a slow write does not halve the
     * throughput.
     */
    private boolean awaitBatch(long dueNanos) {
        while (stop.getCount() > 0) {
            long left = dueNanos - System.nanoTime();
            if (left <= 0 || (health.state().healthy() && queue.size() >= capacity / 2)) {
                return false;
            }
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                return true;
            }
        }
        return true;
    }

    /** Runs the maintenance when due; a failure is logged and tried again at the next due time. */
    private void maintainIfDue() {
        long now = System.currentTimeMillis();
        if (now < nextMaintenanceMillis) {
            return;
        }
        nextMaintenanceMillis = now + maintenanceEveryMillis;
        try {
            maintenance.run();
        } catch (Exception e) {
            LOG.warn("Value history: retention failed, next try in {} min: {}", maintenanceEveryMillis / 60_000,
                    e.getMessage());
        }
    }

    /** Writes {@code batch} (a failed one again) or, when it is empty, what queued up; clears it when written. */
    private void writeBatch(List<Sample> batch) throws Exception {
        if (batch.isEmpty()) {
            queue.drainTo(batch, capacity);
        }
        Map<String, StoredValue> kept = new HashMap<>(pendingKept);
        if (batch.isEmpty() && kept.isEmpty()) {
            return;
        }
        store.write(batch, kept.values());
        kept.forEach(pendingKept::remove);
        written.addAndGet(batch.size());
        batch.clear();
        lastWriteMillis = System.currentTimeMillis();
    }

    /** Stops the thread after a last attempt to write what is queued (a batch held after a failure, then the rest). */
    @Override
    public void close() {
        stop.countDown();
        LockSupport.unpark(thread);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
