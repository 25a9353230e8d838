package org.kervi.automation.schedules;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.kervi.api.Registration;

/**
 * A clock that moves only when told: {@link #advance(Duration)} runs every task that falls due on the way, in time
 * order, on the caller's thread, with {@link #now()} at each task's own time while it runs.
 */
public final class ManualScheduleClock implements ScheduleClock {
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final AtomicLong order = new AtomicLong();
    private Instant now;

    public ManualScheduleClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Registration at(Instant when, Runnable task) {
        Pending p = new Pending(when, order.incrementAndGet(), task);
        pending.add(p);
        return () -> {
            synchronized (this) {
                pending.remove(p);
            }
        };
    }

    /** Moves the clock forward by {@code duration}, running what falls due. */
    public void advance(Duration duration) {
        advanceTo(now().plus(duration));
    }

    /** Moves the clock to {@code target} (never back), running what falls due on the way. */
    public void advanceTo(Instant target) {
        while (true) {
            Pending next;
            synchronized (this) {
                next = pending.peek();
                if (next == null || next.when.isAfter(target)) {
                    if (target.isAfter(now)) {
                        now = target;
                    }
                    return;
                }
                pending.poll();
                if (next.when.isAfter(now)) {
                    now = next.when;
                }
            }
            next.task.run();
        }
    }

    /** Jumps to {@code target} without running anything due on the way, as a machine that was off would. */
    public synchronized void jumpTo(Instant target) {
        if (target.isAfter(now)) {
            now = target;
        }
    }

    /** The time of the next task, or null when none is set. */
    public synchronized Instant nextTask() {
        Pending p = pending.peek();
        return p == null ? null : p.when;
    }

    private record Pending(Instant when, long order, Runnable task) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = when.compareTo(o.when);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }
}
