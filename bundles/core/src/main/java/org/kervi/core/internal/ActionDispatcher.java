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
import java.util.concurrent.atomic.AtomicInteger;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionHandler;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionService;
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
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService timer;
    private final long defaultTimeoutMillis;
    private final int maxQueued;

    @Activate
    public ActionDispatcher(CoreConfig config) {
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
        LocalAction action = local.get(actionId);
        if (action != null) {
            return callLocal(action, args, timeout == null ? action.info().timeout() : timeout);
        }
        ActionHandler handler = handlers.get(actionId);
        if (handler != null) {
            return callHandler(actionId, handler, args, timeout == null ? handler.info().timeout() : timeout);
        }
        return CompletableFuture.failedFuture(new ActionException(actionId, ActionError.UNKNOWN_ID,
                "no action with id '" + actionId + "' is known (kervi:actions lists them)"));
    }

    private CompletableFuture<Object> callLocal(LocalAction action, List<?> args, Duration timeout) {
        String id = action.info().id();
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return CompletableFuture.failedFuture(new ActionException(id, ActionError.OVERLOADED,
                    maxQueued + " action calls are already waiting; the call was not run"));
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        CallWatch watch = new CallWatch();
        inFlight.put(result, id);
        ScheduledFuture<?> timeoutTask = timer.schedule(() -> {
            if (result.completeExceptionally(new ActionException(id, ActionError.TIMEOUT,
                    "no result within " + timeout.toMillis() + " ms"))) {
                watch.timeout();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> {
            timeoutTask.cancel(false);
            inFlight.remove(result);
            queued.decrementAndGet();
        });
        try {
            action.start(args, result, pool, watch);
        } catch (ActionException e) {
            result.completeExceptionally(e);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ActionException(id, ActionError.OVERLOADED,
                    "the action threads refused the call: " + e.getMessage()));
        }
        return result;
    }

    private CompletableFuture<Object> callHandler(String id, ActionHandler handler, List<?> args, Duration timeout) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        ScheduledFuture<?> timeoutTask = timer.schedule(() -> result.completeExceptionally(new ActionException(id,
                ActionError.TIMEOUT, "no result within " + timeout.toMillis() + " ms")),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> timeoutTask.cancel(false));
        try {
            handler.invoke(args, timeout).whenComplete((r, e) -> {
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
