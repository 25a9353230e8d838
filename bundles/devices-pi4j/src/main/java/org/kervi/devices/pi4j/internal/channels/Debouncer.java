package org.kervi.devices.pi4j.internal.channels;

import java.util.function.Consumer;

/**
 * Passes on a level once it held for the debounce time: every edge restarts the wait, and only the level that is
 * still there when the wait ends is delivered, and only if it differs from the last one delivered.
 */
final class Debouncer {
    /** Runs a task later; the returned handle cancels it. */
    @FunctionalInterface
    interface Timer {
        Runnable schedule(Runnable task, long delayMillis);
    }

    private final Timer timer;
    private final long debounceMillis;
    private final Consumer<Boolean> settled;
    private boolean latest;
    private boolean delivered;
    private Runnable pending;

    Debouncer(Timer timer, long debounceMillis, boolean initial, Consumer<Boolean> settled) {
        this.timer = timer;
        this.debounceMillis = debounceMillis;
        this.settled = settled;
        this.latest = initial;
        this.delivered = initial;
    }

    void edge(boolean level) {
        if (debounceMillis == 0) {
            deliver(level);
            return;
        }
        synchronized (this) {
            latest = level;
            if (pending != null) {
                pending.run();
            }
            pending = timer.schedule(this::settle, debounceMillis);
        }
    }

    /** Stops a pending wait; nothing is delivered after this. */
    synchronized void cancel() {
        if (pending != null) {
            pending.run();
            pending = null;
        }
    }

    private void settle() {
        boolean level;
        synchronized (this) {
            pending = null;
            level = latest;
        }
        deliver(level);
    }

    private void deliver(boolean level) {
        synchronized (this) {
            if (level == delivered) {
                return;
            }
            delivered = level;
        }
        settled.accept(level);
    }
}
