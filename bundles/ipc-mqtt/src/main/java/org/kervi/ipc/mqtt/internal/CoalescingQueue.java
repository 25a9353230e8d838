package org.kervi.ipc.mqtt.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A FIFO that keeps order while it holds fewer than {@code bound} entries; beyond that a keyed entry replaces the
 * queued entry of its key in place (latest wins), so it holds at most {@code bound} plus one entry per key plus the
 * unkeyed entries (never coalesced, never dropped).
 */
final class CoalescingQueue<T> {
    private static final class Slot<T> {
        final String key;
        T item;

        Slot(String key, T item) {
            this.key = key;
            this.item = item;
        }
    }

    private final ArrayDeque<Slot<T>> queue = new ArrayDeque<>();
    private final Map<String, Slot<T>> latest = new HashMap<>();
    private final int bound;
    private long coalesced;
    private int maxSize;

    CoalescingQueue(int bound) {
        this.bound = bound;
    }

    /** Queues {@code item}; a null key is never coalesced. */
    synchronized void offer(String key, T item) {
        if (key != null && queue.size() >= bound) {
            Slot<T> queued = latest.get(key);
            if (queued != null) {
                queued.item = item;
                coalesced++;
                return;
            }
        }
        Slot<T> slot = new Slot<>(key, item);
        boolean wasEmpty = queue.isEmpty();
        queue.add(slot);
        if (key != null) {
            latest.put(key, slot);
        }
        maxSize = Math.max(maxSize, queue.size());
        if (wasEmpty) {
            notifyAll(); // only an empty queue has waiters
        }
    }

    /** The oldest entry, or null when none came within {@code timeoutMillis}. */
    synchronized T poll(long timeoutMillis) throws InterruptedException {
        return awaitEntry(timeoutMillis) ? poll() : null;
    }

    /** Waits up to {@code timeoutMillis} for an entry; true when there is one (it stays queued). */
    synchronized boolean awaitEntry(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The oldest entry, or null when empty: never waits. */
    synchronized T poll() {
        Slot<T> slot = queue.poll();
        if (slot == null) {
            return null;
        }
        if (slot.key != null && latest.get(slot.key) == slot) {
            latest.remove(slot.key);
        }
        return slot.item;
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    synchronized void clear() {
        queue.clear();
        latest.clear();
    }

    synchronized int size() {
        return queue.size();
    }

    synchronized long coalesced() {
        return coalesced;
    }

    /** The most entries held at once. */
    synchronized int maxSize() {
        return maxSize;
    }
}
