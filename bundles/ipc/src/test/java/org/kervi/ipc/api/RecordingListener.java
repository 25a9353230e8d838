package org.kervi.ipc.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/** Records what a transport reports; answers calls and writes with configurable handlers. */
public class RecordingListener implements TransportListener {
    public final Map<String, String> remoteValues = new ConcurrentHashMap<>();
    public final Map<String, ValueDescriptor> valueDescriptors = new ConcurrentHashMap<>();
    public final Map<String, ActionDescriptor> actionDescriptors = new ConcurrentHashMap<>();
    public final Map<String, String> remoteActions = new ConcurrentHashMap<>();
    public final Map<String, Object> lastValues = new ConcurrentHashMap<>();
    public final AtomicLong events = new AtomicLong();
    public final List<TransportProblem> problems = new CopyOnWriteArrayList<>();
    public final AtomicInteger connects = new AtomicInteger();
    public final AtomicInteger disconnects = new AtomicInteger();
    public final Map<String, BiFunction<String, List<Object>, CompletableFuture<Object>>> actions =
            new ConcurrentHashMap<>();
    public final Map<String, Object> written = new ConcurrentHashMap<>();
    /** The runs started here by other instances, by run id: each ends when interrupted. */
    public final Map<String, CompletableFuture<Object>> runs = new ConcurrentHashMap<>();
    /** Each interrupt received: action id and run id ("*" for all runs). */
    public final List<String> interrupts = new CopyOnWriteArrayList<>();
    /** Also told of every value event, when set. */
    public volatile java.util.function.BiConsumer<String, Object> onEvent;
    /** While set, value events block (a slow subscriber). */
    public volatile CountDownLatch gate;

    @Override
    public void connected() {
        connects.incrementAndGet();
    }

    @Override
    public void disconnected(String reason) {
        disconnects.incrementAndGet();
    }

    @Override
    public void remoteValueAdded(ValueDescriptor value, String owner) {
        valueDescriptors.put(value.id(), value);
        remoteValues.put(value.id(), owner);
    }

    @Override
    public void remoteValueRemoved(String valueId, String owner) {
        remoteValues.remove(valueId);
    }

    @Override
    public void remoteActionAdded(ActionDescriptor action, String owner) {
        actionDescriptors.put(action.id(), action);
        remoteActions.put(action.id(), owner);
    }

    @Override
    public void remoteActionRemoved(String actionId, String owner) {
        remoteActions.remove(actionId);
    }

    @Override
    public void valueEvent(String valueId, Object value, long timestampMillis) {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.incrementAndGet();
        lastValues.put(valueId, value);
        var hook = onEvent;
        if (hook != null) {
            hook.accept(valueId, value);
        }
    }

    @Override
    public CompletableFuture<Object> callRequested(String actionId, List<Object> args, Duration timeout) {
        var handler = actions.get(actionId);
        if (handler == null) {
            return CompletableFuture.failedFuture(new org.kervi.api.actions.ActionException(actionId,
                    org.kervi.api.actions.ActionError.UNKNOWN_ID, "no such action here"));
        }
        return handler.apply(actionId, args);
    }

    @Override
    public CompletableFuture<Object> startRequested(String actionId, List<Object> args, Duration timeout,
            String runId) {
        CompletableFuture<Object> run = new CompletableFuture<>();
        runs.put(runId, run);
        return run;
    }

    @Override
    public CompletableFuture<Integer> interruptRequested(String actionId, String runId) {
        interrupts.add(actionId + " " + (runId == null ? "*" : runId));
        int stopped = 0;
        for (Map.Entry<String, CompletableFuture<Object>> run : runs.entrySet()) {
            if ((runId == null || runId.equals(run.getKey())) && run.getValue().completeExceptionally(
                    new org.kervi.api.actions.ActionException(actionId, org.kervi.api.actions.ActionError.INTERRUPTED,
                            "run " + run.getKey() + " was interrupted"))) {
                stopped++;
            }
        }
        return CompletableFuture.completedFuture(stopped);
    }

    @Override
    public CompletableFuture<Void> writeRequested(String valueId, Object value) {
        if (value instanceof Number n && n.doubleValue() > 100) {
            return CompletableFuture.failedFuture(new org.kervi.api.values.ValueRejectedException(valueId,
                    n + " is out of range [0, 100]"));
        }
        written.put(valueId, value);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void problem(TransportProblem problem) {
        problems.add(problem);
    }

    public boolean hasProblem(String code) {
        return problems.stream().anyMatch(p -> p.code().equals(code));
    }
}
