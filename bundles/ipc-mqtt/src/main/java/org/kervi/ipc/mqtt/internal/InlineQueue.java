package org.kervi.ipc.mqtt.internal;

import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands items to one sink in order: on the offering thread itself while nothing is queued and the sink can take
 * the item without waiting (no hand-off, no wake-up: as the TCP hub's {@code SocketWire}), otherwise through a
 * {@link CoalescingQueue} that a worker thread drains. The sink is entered by one thread at a time, never
 * re-entered: an item offered from inside the sink is queued behind the one being handed over.
 */
final class InlineQueue<T> {
    private static final Logger LOG = LoggerFactory.getLogger(InlineQueue.class);

    /** Where the items go. */
    interface Sink<T> {
        /** Takes the item without waiting and returns null, or returns what to queue instead (it or a stand-in). */
        T tryNow(T item);

        /** Takes the item, waiting if it must (on the worker thread). */
        void take(T item) throws InterruptedException;
    }

    private final CoalescingQueue<T> queue;
    private final ReentrantLock turn = new ReentrantLock();
    private final Sink<T> sink;
    private final Thread worker;
    private volatile boolean closed;

    InlineQueue(int bound, String workerName, Sink<T> sink) {
        this.queue = new CoalescingQueue<>(bound);
        this.sink = sink;
        this.worker = new Thread(this::drainLoop, workerName);
        worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    /** Hands the item over now if it can, else queues it ({@code key}: see {@link CoalescingQueue#offer}). */
    void offer(String key, T item) {
        if (!turn.isHeldByCurrentThread() && turn.tryLock()) {
            try {
                T rest = queue.isEmpty() && !closed ? sink.tryNow(item) : item;
                if (rest != null) {
                    queue.offer(key, rest);
                }
            } catch (RuntimeException e) {
                LOG.warn("Kervi IPC over MQTT: {}", e.toString(), e);
            } finally {
                turn.unlock();
            }
            return;
        }
        queue.offer(key, item);
    }

    /** Queues the item for the worker, behind what is queued, even when it could be handed over now. */
    void enqueue(String key, T item) {
        queue.offer(key, item);
    }

    /** The most entries queued at once. */
    int maxQueued() {
        return queue.maxSize();
    }

    /** Whether nothing waits for the worker (an item may still be in the sink's hands). */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    long coalesced() {
        return queue.coalesced();
    }

    void close() {
        closed = true;
        worker.interrupt();
        queue.clear();
    }

    private void drainLoop() {
        try {
            while (!closed) {
                if (!queue.awaitEntry(500)) {
                    continue;
                }
                turn.lockInterruptibly();
                try {
                    for (T item = queue.poll(); item != null && !closed; item = queue.poll()) {
                        try {
                            sink.take(item);
                        } catch (RuntimeException e) {
                            LOG.warn("Kervi IPC over MQTT: {}", e.toString(), e);
                        }
                    }
                } finally {
                    turn.unlock();
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }
}
