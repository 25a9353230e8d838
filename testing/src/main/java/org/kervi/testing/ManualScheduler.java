package org.kervi.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A scheduler whose time moves only when a test says so: tasks run on the thread that calls {@link #advance}, in
 * the order of their due times, and the {@link #clock()} shows the same virtual time. Sensors poll on it, so a test
 * decides exactly how many polls happen.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    /** Tasks run by one {@link #advance} before it gives up on a task that keeps rescheduling itself with no delay. */
    static final int MAX_RUNS_PER_ADVANCE = 1_000_000;
    private final Instant start;
    private final ZoneId zone;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;
    private boolean shutdown;

    public ManualScheduler(Instant start, ZoneId zone) {
        this.start = start;
        this.zone = zone;
    }

    /** The virtual time: the start instant plus every {@link #advance}. */
    public synchronized Instant now() {
        return start.plusNanos(nowNanos);
    }

    /** A clock that reads {@link #now()} in the scheduler's zone. */
    public Clock clock() {
        return new VirtualClock(zone);
    }

    private final class VirtualClock extends Clock {
        private final ZoneId clockZone;

        VirtualClock(ZoneId clockZone) {
            this.clockZone = clockZone;
        }

        @Override
        public ZoneId getZone() {
            return clockZone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new VirtualClock(other);
        }

        @Override
        public Instant instant() {
            return now();
        }
    }

    /** Moves time forward by {@code by}, running every task that falls due on the way, at its due time. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward; cannot advance by " + by);
        }
        long target;
        synchronized (this) {
            target = nowNanos + by.toNanos();
        }
        for (int runs = 0; ; runs++) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.dueNanos > target) {
                    nowNanos = target;
                    return;
                }
                queue.poll();
                nowNanos = Math.max(nowNanos, next.dueNanos);
            }
            if (runs >= MAX_RUNS_PER_ADVANCE) {
                throw new IllegalStateException("more than " + MAX_RUNS_PER_ADVANCE + " tasks fell due in one advance"
                        + " of " + by + ": a task reschedules itself with no delay");
            }
            next.run();
        }
    }

    /** Runs the tasks due now (a sensor's first poll after it started), without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks waiting for their time. */
    public synchronized int pending() {
        return queue.size();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(new Task<>(() -> {
            command.run();
            return null;
        }, unit.toNanos(delay), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable, unit.toNanos(delay), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command, initialDelay, period, unit);
    }

    /** As {@link #scheduleAtFixedRate}: a task takes no virtual time, so rate and delay are the same here. */
    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command, initialDelay, delay, unit);
    }

    private ScheduledFuture<?> periodic(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive, was " + period + " " + unit);
        }
        return enqueue(new Task<>(() -> {
            command.run();
            return null;
        }, unit.toNanos(initialDelay), unit.toNanos(period)));
    }

    /** Runs at the next {@link #advance} or {@link #runDue()}. */
    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    private synchronized <V> Task<V> enqueue(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("the test's scheduler is shut down");
        }
        task.dueNanos = nowNanos + Math.max(0, task.delayNanos);
        task.sequence = sequence++;
        queue.add(task);
        return task;
    }

    private synchronized void requeue(Task<?> task) {
        if (!shutdown) {
            task.dueNanos += task.periodNanos;
            task.sequence = sequence++;
            queue.add(task);
        }
    }

    private synchronized void dequeue(Task<?> task) {
        queue.remove(task);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        queue.clear();
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        List<Runnable> waiting = new ArrayList<>(queue);
        shutdown();
        return waiting;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private final class Task<V> implements ScheduledFuture<V>, Runnable {
        private final Callable<V> work;
        private final long delayNanos;
        private final long periodNanos;
        private long dueNanos;
        private long sequence;
        private boolean done;
        private boolean cancelled;
        private V result;
        private Throwable failure;

        Task(Callable<V> work, long delayNanos, long periodNanos) {
            this.work = work;
            this.delayNanos = delayNanos;
            this.periodNanos = periodNanos;
        }

        @Override
        public void run() {
            synchronized (this) {
                if (done) {
                    return;
                }
            }
            try {
                V value = work.call();
                if (periodNanos > 0) {
                    requeue(this);
                } else {
                    finish(value, null);
                }
            } catch (Throwable e) {
                finish(null, e);
            }
        }

        private synchronized void finish(V value, Throwable error) {
            result = value;
            failure = error;
            done = true;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            synchronized (ManualScheduler.this) {
                return unit.convert(dueNanos - nowNanos, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof Task<?> task) {
                int byDue = Long.compare(dueNanos, task.dueNanos);
                return byDue != 0 ? byDue : Long.compare(sequence, task.sequence);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (this) {
                if (done) {
                    return false;
                }
                done = true;
                cancelled = true;
            }
            dequeue(this);
            return true;
        }

        @Override
        public synchronized boolean isCancelled() {
            return cancelled;
        }

        @Override
        public synchronized boolean isDone() {
            return done;
        }

        /** Never blocks: time only moves on the test's thread, so waiting here could never end. */
        @Override
        public synchronized V get() throws ExecutionException {
            if (cancelled) {
                throw new CancellationException();
            }
            if (!done) {
                throw new IllegalStateException("the task is due in " + Duration.ofNanos(getDelay(TimeUnit.NANOSECONDS))
                        + " of virtual time: advance the test's scheduler first");
            }
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            return result;
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws ExecutionException, TimeoutException {
            return get();
        }
    }
}
