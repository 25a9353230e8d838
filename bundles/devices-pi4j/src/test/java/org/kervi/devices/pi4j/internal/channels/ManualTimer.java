package org.kervi.devices.pi4j.internal.channels;

import java.util.ArrayList;
import java.util.List;

/** A debounce timer the test ends by hand: {@link #elapse()} runs what is scheduled and not cancelled. */
final class ManualTimer implements Debouncer.Timer {
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();

    @Override
    public synchronized Runnable schedule(Runnable task, long delayMillis) {
        pending.add(task);
        delays.add(delayMillis);
        return () -> {
            synchronized (this) {
                pending.remove(task);
            }
        };
    }

    synchronized int pending() {
        return pending.size();
    }

    synchronized List<Long> delays() {
        return List.copyOf(delays);
    }

    void elapse() {
        List<Runnable> due;
        synchronized (this) {
            due = new ArrayList<>(pending);
            pending.clear();
        }
        due.forEach(Runnable::run);
    }
}
