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
        Runnable run = () -> {
            try {
                invoke(converted, result, watch);
            } finally {
                if (policy == ActionConcurrency.REJECT) {
                    busy.set(false);
                }
            }
        };
        (policy == ActionConcurrency.SERIAL ? serial : pool).execute(run);
    }

    private void invoke(Object[] converted, CompletableFuture<Object> result, CallWatch watch) {
        if (result.isDone()) {
            return;
        }
        running.incrementAndGet();
        watch.begin(Thread.currentThread());
        try {
            result.complete(method.invoke(target, converted));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            result.completeExceptionally(new ActionException(info.id(), ActionError.FAILED,
                    String.valueOf(cause.getMessage()), cause.getClass().getName(), cause));
        } catch (IllegalAccessException | RuntimeException e) {
            result.completeExceptionally(new ActionException(info.id(), ActionError.FAILED,
                    "could not invoke " + method + ": " + e.getMessage(), e.getClass().getName(), e));
        } finally {
            watch.end();
            Thread.interrupted();
            running.decrementAndGet();
        }
    }

    static Duration defaultTimeout(long annotated, long fallback) {
        return Duration.ofMillis(annotated > 0 ? annotated : fallback);
    }
}
