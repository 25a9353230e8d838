package org.kervi.api.components;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A scheduler that runs nothing by itself: a test sees each requested delay and runs the due task when it likes. */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService, ComponentContext {
    private final List<Long> delaysMillis = new ArrayList<>();
    private Task pending;

    /** The delays asked for so far, in milliseconds. */
    synchronized List<Long> delaysMillis() {
        return List.copyOf(delaysMillis);
    }

    synchronized boolean hasPending() {
        return pending != null && !pending.isCancelled();
    }

    /** Runs the one pending task as if its delay had passed. */
    void runPending() {
        Task task;
        synchronized (this) {
            if (!hasPending()) {
                throw new AssertionError("nothing scheduled");
            }
            task = pending;
            pending = null;
        }
        task.command.run();
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (hasPending()) {
            throw new AssertionError("a second task scheduled while one is pending");
        }
        delaysMillis.add(unit.toMillis(delay));
        pending = new Task(command, unit.toMillis(delay));
        return pending;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return this;
    }

    @Override
    public String instanceId() {
        return "manual";
    }

    private static final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        final long delayMillis;
        volatile boolean cancelled;

        Task(Runnable command, long delayMillis) {
            this.command = command;
            this.delayMillis = delayMillis;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delayMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
