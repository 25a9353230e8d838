package org.kervi.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionService;
import org.kervi.api.actions.ActionStateListener;
import org.kervi.api.actions.ActionStatus;

/** The core's action service, remembering the runs it started until they end, so a test can wait for them. */
final class TrackedActions implements ActionService {
    private final ActionService actions;
    private final Set<CompletableFuture<?>> going = ConcurrentHashMap.newKeySet();

    TrackedActions(ActionService actions) {
        this.actions = actions;
    }

    /** Waits until every run started so far has ended, however it ended. */
    void awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<?> run : List.copyOf(going)) {
            try {
                run.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | java.util.concurrent.CancellationException ended) {
                // ended by failing or by being interrupted: the schedule's info shows how
            } catch (TimeoutException e) {
                throw new ActionException("schedules", ActionError.TIMEOUT, going.size()
                        + " scheduled runs did not end within " + timeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("waiting for scheduled runs was interrupted", e);
            }
        }
    }

    private <F extends CompletableFuture<?>> F track(F run) {
        going.add(run);
        run.whenComplete((result, error) -> going.remove(run));
        return run;
    }

    @Override
    public CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout) {
        return track(actions.call(actionId, args, timeout));
    }

    @Override
    public ActionRun start(String actionId, List<?> args, Duration timeout) {
        ActionRun run = actions.start(actionId, args, timeout);
        track(run.result());
        return run;
    }

    @Override
    public ActionRun start(String actionId, List<?> args, Duration timeout, String runId) {
        ActionRun run = actions.start(actionId, args, timeout, runId);
        track(run.result());
        return run;
    }

    @Override
    public CompletableFuture<Integer> interrupt(String actionOrRunId) {
        return actions.interrupt(actionOrRunId);
    }

    @Override
    public Optional<ActionStatus> status(String actionId) {
        return actions.status(actionId);
    }

    @Override
    public Registration addStateListener(ActionStateListener listener) {
        return actions.addStateListener(listener);
    }

    @Override
    public List<ActionInfo> actions() {
        return actions.actions();
    }

    @Override
    public Optional<ActionInfo> action(String actionId) {
        return actions.action(actionId);
    }

    @Override
    public int running(String actionId) {
        return actions.running(actionId);
    }

    @Override
    public Registration addListener(ActionListener listener) {
        return actions.addListener(listener);
    }
}
