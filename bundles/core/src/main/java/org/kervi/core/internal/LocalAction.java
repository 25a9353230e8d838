package org.kervi.core.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionContext;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStateChange;
import org.kervi.api.actions.ActionStatus;
import org.kervi.api.components.KerviComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code @Action} method of a local component, with its concurrency policy, its optional {@code @Interrupt}
 * handler, its runs now queued or running, and its state (kept in {@link ActionStateValues}).
 */
final class LocalAction {
    private static final Logger LOG = LoggerFactory.getLogger(LocalAction.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    private final ActionInfo info;
    private final KerviComponent target;
    private final Method method;
    private final Parameter[] callerParameters;
    private final Method interruptHandler;
    private final Executor serial;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, LocalRun> active = new ConcurrentHashMap<>();
    private final ActionStateValues stateValues;
    private volatile RunObserver observer = (action, change) -> { };
    private volatile Executor interrupter = Runnable::run;
    private volatile ActionStatus status;
    private final Object stateLock = new Object();

    /** Told of each run's state changes (the dispatcher's state listeners). */
    interface RunObserver {
        void changed(LocalAction action, ActionStateChange change);
    }

    LocalAction(ActionInfo info, KerviComponent target, Method method, Method interruptHandler, Executor pool) {
        this.info = info;
        this.target = target;
        this.method = method;
        this.interruptHandler = interruptHandler;
        this.callerParameters = callerParameters(method);
        this.serial = new SerialExecutor(pool);
        org.kervi.api.actions.Action declared = method.getAnnotation(org.kervi.api.actions.Action.class);
        this.stateValues = new ActionStateValues(info.id(), info.name(), declared == null || declared.stateValues());
        this.status = ActionStatus.idle(info.id());
    }

    /** The parameters callers give arguments for: all but the {@link ActionContext} ones. */
    static Parameter[] callerParameters(Method method) {
        List<Parameter> list = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            if (p.getType() != ActionContext.class) {
                list.add(p);
            }
        }
        return list.toArray(Parameter[]::new);
    }

    void observe(RunObserver newObserver, Executor interruptThreads) {
        this.observer = newObserver;
        this.interrupter = interruptThreads;
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

    ActionStateValues stateValues() {
        return stateValues;
    }

    ActionStatus status() {
        ActionStatus s = status;
        return new ActionStatus(s.actionId(), s.state(), s.lastError(), s.lastDuration(), running.get(),
                s.lastRunId());
    }

    LocalRun run(String runId) {
        return active.get(runId);
    }

    List<LocalRun> activeRuns() {
        return List.copyOf(active.values());
    }

    /**
     * Converts the arguments and schedules the method; the run's result is completed by the run (the caller guards
     * the timeout). Throws an {@link ActionException} for bad arguments or a busy REJECT action.
     */
    void start(List<?> args, LocalRun run, Executor pool) {
        Object[] converted = ArgumentConverter.convert(info.id(), callerParameters, args);
        ActionConcurrency policy = info.concurrency();
        if (policy == ActionConcurrency.REJECT && !busy.compareAndSet(false, true)) {
            throw new ActionException(info.id(), ActionError.BUSY, "is already running and its concurrency is"
                    + " REJECT; try again when it has finished");
        }
        // a REJECT action is free again before its caller sees the result, so that it can call again at once
        Runnable release = policy == ActionConcurrency.REJECT ? () -> busy.set(false) : () -> { };
        active.put(run.runId(), run);
        if (policy == ActionConcurrency.SERIAL && active.size() > 1) {
            observer.changed(this, change(run, ActionState.QUEUED, "", null));
        }
        try {
            (policy == ActionConcurrency.SERIAL ? serial : pool).execute(() -> invoke(converted, run, release));
        } catch (RuntimeException e) {
            active.remove(run.runId());
            release.run();
            throw e;
        }
    }

    private void invoke(Object[] converted, LocalRun run, Runnable release) {
        if (!run.begin()) {
            release.run();
            active.remove(run.runId());
            return;
        }
        long began = System.nanoTime();
        synchronized (stateLock) {
            running.incrementAndGet();
            stateValues.running();
            status = new ActionStatus(info.id(), ActionState.RUNNING, status.lastError(), status.lastDuration(), 0,
                    run.runId());
        }
        observer.changed(this, change(run, ActionState.RUNNING, "", null));
        Object value = null;
        ActionException failure = null;
        try {
            value = method.invoke(target, withContext(converted, run));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            failure = new ActionException(info.id(), ActionError.FAILED, String.valueOf(cause.getMessage()),
                    cause.getClass().getName(), cause);
        } catch (IllegalAccessException | RuntimeException e) {
            failure = new ActionException(info.id(), ActionError.FAILED, "could not invoke " + method + ": "
                    + e.getMessage(), e.getClass().getName(), e);
        }
        ActionState how = run.end(failure);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        active.remove(run.runId());
        String error = switch (how) {
            case FAILED -> run.timedOut() || failure == null ? run.interruptReason() : failure.describe();
            case INTERRUPTED -> run.interruptReason() + (failure == null ? "" : "; then " + failure.describe());
            default -> "";
        };
        ended(run, how, error, took);
        release.run();
        observer.changed(this, change(run, how, error, took));
        if (how == ActionState.INTERRUPTED) {
            run.result().completeExceptionally(run.interruptedError());
        } else if (failure == null) {
            run.result().complete(value);
        } else {
            run.result().completeExceptionally(failure);
        }
    }

    private Object[] withContext(Object[] converted, LocalRun run) {
        Parameter[] all = method.getParameters();
        if (all.length == converted.length) {
            return converted;
        }
        Object[] full = new Object[all.length];
        int next = 0;
        for (int i = 0; i < all.length; i++) {
            full[i] = all[i].getType() == ActionContext.class ? run : converted[next++];
        }
        return full;
    }

    /** One run ended: the state values and status, together with the count of runs, so that parallel ends agree. */
    private void ended(LocalRun run, ActionState how, String error, Duration took) {
        String shown = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) + "…" : error;
        synchronized (stateLock) {
            boolean stillRunning = running.decrementAndGet() > 0;
            // the status first: whoever sees a state value change must find the status that goes with it
            status = new ActionStatus(info.id(), stillRunning ? ActionState.RUNNING : how,
                    how == ActionState.SUCCEEDED ? "" : shown, took, 0, run.runId());
            stateValues.ended(how, shown, took, stillRunning);
        }
    }

    /** A queued run was interrupted (or timed out) before it began. */
    void droppedWhileQueued(LocalRun run) {
        if (active.remove(run.runId()) == null) {
            return;
        }
        ActionState how = run.endQueued();
        observer.changed(this, change(run, how, run.interruptReason() + " while queued", Duration.ZERO));
        run.result().completeExceptionally(run.interruptedError());
    }

    /** Runs the {@code @Interrupt} handler, if any, on a thread of its own. */
    void callInterruptHandler(LocalRun run) {
        Method handler = interruptHandler;
        if (handler == null) {
            return;
        }
        interrupter.execute(() -> {
            try {
                handler.invoke(target, handler.getParameterCount() == 0 ? new Object[0] : new Object[] {run});
            } catch (InvocationTargetException e) {
                LOG.warn("interrupt handler {} of action {} failed on run {}", handler.getName(), info.id(),
                        run.runId(), e.getCause());
            } catch (IllegalAccessException | RuntimeException e) {
                LOG.warn("interrupt handler {} of action {} could not be called", handler.getName(), info.id(), e);
            }
        });
    }

    private ActionStateChange change(LocalRun run, ActionState state, String error, Duration took) {
        return new ActionStateChange(info.id(), run.runId(), state, error, took, java.time.Instant.now());
    }

    static Duration defaultTimeout(long annotated, long fallback) {
        return Duration.ofMillis(annotated > 0 ? annotated : fallback);
    }
}
