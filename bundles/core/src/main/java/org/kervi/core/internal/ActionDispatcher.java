package org.kervi.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionHandler;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionService;
import org.kervi.api.actions.ActionStateChange;
import org.kervi.api.actions.ActionStateIds;
import org.kervi.api.actions.ActionStateListener;
import org.kervi.api.actions.ActionStatus;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.values.Value;
import org.kervi.api.Registration;
import org.kervi.api.components.KerviComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls actions by id: local {@code @Action} methods first, then {@link ActionHandler} services (remote proxies).
 * Every call ends in a result or an {@link ActionException}: unknown id, bad arguments, failure, busy, overload
 * or timeout.
 */
@Component(service = {ActionService.class, ActionDispatcher.class}, configurationPid = "org.kervi.core")
public final class ActionDispatcher implements ActionService {
    private static final Logger LOG = LoggerFactory.getLogger(ActionDispatcher.class);
    private final CopyOnWriteArrayList<ActionListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, LocalAction> local = new ConcurrentHashMap<>();
    private final Map<String, ActionHandler> handlers = new ConcurrentHashMap<>();
    private final Map<CompletableFuture<Object>, String> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong runNumbers = new AtomicLong();
    private final CopyOnWriteArrayList<ActionStateListener> stateListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService interrupter = Executors.newCachedThreadPool(new NamedThreads("kervi-action-interrupt"));
    private final String instanceId;
    private volatile KerviRegistry registry;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final long defaultTimeoutMillis;
    private final int maxQueued;

    @Activate
    public ActionDispatcher(CoreConfig config) {
        this.instanceId = InstanceIds.resolve(config.instanceId());
        this.defaultTimeoutMillis = config.actionTimeoutMillis();
        this.maxQueued = config.actionQueue();
        int threads = Math.max(1, config.actionThreads());
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreads("kervi-action"));
        this.pool.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, new NamedThreads("kervi-action-timer"));
        t.setRemoveOnCancelPolicy(true);
        // The timer thread is woken whenever a new task becomes the earliest; with a task always due within a
        // second, scheduling a call's timeout (usually seconds away) no longer wakes it on every call.
        t.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
        this.timer = t;
    }

    @Deactivate
    public void deactivate() {
        inFlight.forEach((future, id) -> future.completeExceptionally(
                new ActionException(id, ActionError.OWNER_GONE, "the Kervi core stopped before the action ended")));
        pool.shutdownNow();
        timer.shutdownNow();
        interrupter.shutdownNow();
    }

    /** The values of remote actions' states are read from the registry. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setRegistry(KerviRegistry values) {
        this.registry = values;
    }

    void unsetRegistry(KerviRegistry values) {
        if (this.registry == values) {
            this.registry = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(ActionHandler handler, Map<String, Object> properties) {
        Object id = properties.get(ActionHandler.ACTION_ID);
        if (id != null) {
            handlers.put(id.toString(), handler);
            fire(handler.info(), true);
        }
    }

    void removeHandler(ActionHandler handler, Map<String, Object> properties) {
        Object id = properties.get(ActionHandler.ACTION_ID);
        if (id != null && handlers.remove(id.toString(), handler)) {
            fire(handler.info(), false);
        }
    }

    /** Adds a component's actions; refuses all of them if one id is taken. Returns their ids. */
    List<String> addComponent(KerviComponent component, String owner) {
        List<ActionInfo> added = new ArrayList<>();
        List<String> ids = addActions(component, owner, added);
        added.forEach(info -> fire(info, true));
        return ids;
    }

    void removeComponent(KerviComponent component) {
        List<ActionInfo> removed = new ArrayList<>();
        synchronized (this) {
            local.values().removeIf(action -> {
                if (action.target() != component) {
                    return false;
                }
                removed.add(action.info());
                return true;
            });
        }
        removed.forEach(info -> fire(info, false));
    }

    @Override
    public Registration addListener(ActionListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void fire(ActionInfo info, boolean added) {
        for (ActionListener listener : listeners) {
            try {
                if (added) {
                    listener.actionAdded(info);
                } else {
                    listener.actionRemoved(info);
                }
            } catch (RuntimeException e) {
                LOG.warn("action listener {} failed on {}", listener, info.id(), e);
            }
        }
    }

    private synchronized List<String> addActions(KerviComponent component, String owner, List<ActionInfo> added) {
        List<LocalAction> found = ActionScanner.scan(component, owner, defaultTimeoutMillis, pool);
        found.forEach(a -> a.observe(this::runChanged, interrupter));
        for (LocalAction action : found) {
            LocalAction existing = local.get(action.info().id());
            if (existing != null) {
                throw new IllegalStateException("action id '" + action.info().id() + "' is already used by component '"
                        + existing.target().id() + "'");
            }
        }
        List<String> ids = new ArrayList<>();
        for (LocalAction action : found) {
            local.put(action.info().id(), action);
            ids.add(action.info().id());
            added.add(action.info());
        }
        return ids;
    }

    @Override
    public CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout) {
        return start(actionId, args, timeout).result();
    }

    @Override
    public ActionRun start(String actionId, List<?> args, Duration timeout) {
        return start(actionId, args, timeout, actionId + "#" + instanceId + "-" + runNumbers.incrementAndGet());
    }

    @Override
    public ActionRun start(String actionId, List<?> args, Duration timeout, String runId) {
        if (runId == null || !actionId.equals(ActionStateIds.actionOfRun(runId))) {
            return FailedRun.of(actionId, String.valueOf(runId), new ActionException(actionId,
                    ActionError.BAD_ARGUMENTS, "run id '" + runId + "' is not a run of this action (expected '"
                    + actionId + "#...')"));
        }
        LocalAction action = local.get(actionId);
        if (action != null) {
            return startLocal(action, runId, args, timeout == null ? action.info().timeout() : timeout);
        }
        ActionHandler handler = handlers.get(actionId);
        if (handler != null) {
            return startHandler(actionId, runId, handler, args,
                    timeout == null ? handler.info().timeout() : timeout);
        }
        return FailedRun.of(actionId, runId, new ActionException(actionId, ActionError.UNKNOWN_ID,
                "no action with id '" + actionId + "' is known (kervi:actions lists them)"));
    }

    private LocalRun startLocal(LocalAction action, String runId, List<?> args, Duration timeout) {
        String id = action.info().id();
        CompletableFuture<Object> result = new CompletableFuture<>();
        LocalRun run = new LocalRun(action, runId, result);
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            run.refuse(new ActionException(id, ActionError.OVERLOADED,
                    maxQueued + " action calls are already waiting; the call was not run"));
            return run;
        }
        inFlight.put(result, id);
        ScheduledFuture<?> timeoutTask = timer.schedule(() -> {
            if (result.completeExceptionally(ActionException.timedOut(id, timeout))) {
                run.stop(ActionException.timeoutMessage(timeout), true);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> {
            timeoutTask.cancel(false);
            inFlight.remove(result);
            queued.decrementAndGet();
        });
        try {
            action.start(args, run, pool);
        } catch (ActionException e) {
            run.refuse(e);
        } catch (RejectedExecutionException e) {
            run.refuse(new ActionException(id, ActionError.OVERLOADED,
                    "the action threads refused the call: " + e.getMessage()));
        }
        return run;
    }

    private RemoteRun startHandler(String id, String runId, ActionHandler handler, List<?> args, Duration timeout) {
        CompletableFuture<Object> result = answerWithin(id, timeout,
                () -> handler.invoke(args, timeout, runId));
        return new RemoteRun(id, runId, handler, result);
    }

    @Override
    public CompletableFuture<Integer> interrupt(String actionOrRunId) {
        String runId = ActionStateIds.actionOfRun(actionOrRunId) == null ? null : actionOrRunId;
        String actionId = runId == null ? actionOrRunId : ActionStateIds.actionOfRun(runId);
        LocalAction action = local.get(actionId);
        if (action != null) {
            List<LocalRun> runs = runId == null ? action.activeRuns()
                    : action.run(runId) == null ? List.of() : List.of(action.run(runId));
            int stopped = 0;
            for (LocalRun run : runs) {
                stopped += run.stop("interrupted", false) ? 1 : 0;
            }
            return CompletableFuture.completedFuture(stopped);
        }
        ActionHandler handler = handlers.get(actionId);
        if (handler == null) {
            return CompletableFuture.failedFuture(new ActionException(actionId, ActionError.UNKNOWN_ID,
                    "no action with id '" + actionId + "' is known (kervi:actions lists them)"));
        }
        Duration timeout = handler.info().timeout();
        return answerWithin(actionId, timeout,
                () -> handler.interrupt(runId));
    }

    /**
     * What a handler answers, as an {@link ActionException} when it fails, or TIMEOUT when it does not answer
     * within {@code timeout}.
     */
    private <T> CompletableFuture<T> answerWithin(String id, Duration timeout,
            java.util.function.Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> result = new RemoteAnswer<>("the answer of action", id);
        ScheduledFuture<?> timeoutTask = timer.schedule(() -> result.completeExceptionally(new ActionException(id,
                ActionError.TIMEOUT, ActionException.timeoutMessage(timeout))), timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> timeoutTask.cancel(false));
        try {
            request.get().whenComplete((r, e) -> {
                if (e == null) {
                    result.complete(r);
                } else {
                    result.completeExceptionally(asActionException(id, e));
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(asActionException(id, e));
        }
        return result;
    }

    @Override
    public Optional<ActionStatus> status(String actionId) {
        LocalAction action = local.get(actionId);
        if (action != null) {
            return Optional.of(action.status());
        }
        if (!handlers.containsKey(actionId)) {
            return Optional.empty();
        }
        KerviRegistry values = registry;
        return Optional.of(values == null ? ActionStatus.idle(actionId) : RemoteStatus.read(actionId, values));
    }

    @Override
    public Registration addStateListener(ActionStateListener listener) {
        stateListeners.add(listener);
        return () -> stateListeners.remove(listener);
    }

    private void runChanged(LocalAction action, ActionStateChange change) {
        for (ActionStateListener listener : stateListeners) {
            try {
                listener.actionStateChanged(change);
            } catch (RuntimeException e) {
                LOG.warn("action state listener {} failed on {}", listener, change.runId(), e);
            }
        }
    }

    /** The state values of a component's actions, to register with its values. */
    List<Value<?>> stateValues(KerviComponent component) {
        List<Value<?>> all = new ArrayList<>();
        local.values().stream().filter(a -> a.target() == component)
                .sorted(Comparator.comparing(a -> a.info().id()))
                .forEach(a -> all.addAll(a.stateValues().all()));
        return all;
    }

    private static ActionException asActionException(String id, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                ? e.getCause() : e;
        if (cause instanceof ActionException ae) {
            return ae;
        }
        return new ActionException(id, ActionError.FAILED, String.valueOf(cause.getMessage()),
                cause.getClass().getName(), cause);
    }

    @Override
    public List<ActionInfo> actions() {
        List<ActionInfo> all = new ArrayList<>();
        local.values().forEach(a -> all.add(a.info()));
        handlers.forEach((id, h) -> {
            if (!local.containsKey(id)) {
                all.add(h.info());
            }
        });
        all.sort(Comparator.comparing(ActionInfo::id));
        return all;
    }

    @Override
    public Optional<ActionInfo> action(String actionId) {
        LocalAction action = local.get(actionId);
        if (action != null) {
            return Optional.of(action.info());
        }
        return Optional.ofNullable(handlers.get(actionId)).map(ActionHandler::info);
    }

    @Override
    public int running(String actionId) {
        LocalAction action = local.get(actionId);
        return action == null ? 0 : action.running();
    }
}
