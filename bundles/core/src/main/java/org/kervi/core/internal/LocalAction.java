package org.kervi.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.components.KerviComponent;

/** An {@code @Action} method of a local component, with its concurrency policy. */
final class LocalAction {
    private final ActionInfo info;
    private final KerviComponent target;
    private final Method method;
    private final Executor serial;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();

    LocalAction(ActionInfo info, KerviComponent target, Method method, Executor pool) {
        this.info = info;
        this.target = target;
        this.method = method;
        this.serial = new SerialExecutor(pool);
    }

    ActionInfo info() {
        return info;
    }

    KerviComponent target() {
        return target;
    }

    int running() {
        return running.get();
    }

    /**
     * Converts the arguments and schedules the method; {@code result} is completed by the run (the caller guards
     * the timeout). Throws an {@link ActionException} for bad arguments or a busy REJECT action.
     */
    void start(List<?> args, CompletableFuture<Object> result, Executor pool, CallWatch watch) {
        Object[] converted = ArgumentConverter.convert(info.id(), method.getParameters(), args);
        ActionConcurrency policy = info.concurrency();
        if (policy == ActionConcurrency.REJECT && !busy.compareAndSet(false, true)) {
            throw new ActionException(info.id(), ActionError.BUSY, "is already running and its concurrency is"
                    + " REJECT; try again when it has finished");
        }
        // a REJECT action is free again before its caller sees the result, so that it can call again at once
        Runnable release = policy == ActionConcurrency.REJECT ? () -> busy.set(false) : () -> { };
        try {
            (policy == ActionConcurrency.SERIAL ? serial : pool).execute(() -> invoke(converted, result, watch,
                    release));
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    private void invoke(Object[] converted, CompletableFuture<Object> result, CallWatch watch, Runnable release) {
        if (result.isDone()) {
            release.run();
            return;
        }
        running.incrementAndGet();
        watch.begin(Thread.currentThread());
        Object value = null;
        ActionException failure = null;
        try {
            value = method.invoke(target, converted);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            failure = new ActionException(info.id(), ActionError.FAILED, String.valueOf(cause.getMessage()),
                    cause.getClass().getName(), cause);
        } catch (IllegalAccessException | RuntimeException e) {
            failure = new ActionException(info.id(), ActionError.FAILED, "could not invoke " + method + ": "
                    + e.getMessage(), e.getClass().getName(), e);
        } finally {
            watch.end();
            Thread.interrupted();
            running.decrementAndGet();
            release.run();
        }
        if (failure == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(failure);
        }
    }

    static Duration defaultTimeout(long annotated, long fallback) {
        return Duration.ofMillis(annotated > 0 ? annotated : fallback);
    }
}
