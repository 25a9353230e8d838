package org.kervi.automation.schedules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionListener;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStateListener;
import org.kervi.api.actions.ActionStatus;
import org.kervi.api.actions.ActionService;

/** An action service that records each call with the clock's time; calls finish as the test says. */
final class RecordingActions implements ActionService {
    record Call(String actionId, List<?> arguments, Instant at, CompletableFuture<Object> result) {}

    enum Outcome { SUCCEED, FAIL, KEEP_RUNNING }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ScheduleClock clock;
    volatile Outcome outcome = Outcome.SUCCEED;

    RecordingActions(ScheduleClock clock) {
        this.clock = clock;
    }

    List<Instant> times() {
        return calls.stream().map(Call::at).toList();
    }

    @Override
    public CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout) {
        return start(actionId, args, timeout).result();
    }

    @Override
    public ActionRun start(String actionId, List<?> args, Duration timeout) {
        return start(actionId, args, timeout, actionId + "#test-" + (calls.size() + 1));
    }

    @Override
    public ActionRun start(String actionId, List<?> args, Duration timeout, String runId) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        calls.add(new Call(actionId, List.copyOf(args), clock.now(), result));
        switch (outcome) {
            case SUCCEED -> result.complete(null);
            case FAIL -> result.completeExceptionally(
                    new ActionException(actionId, ActionError.FAILED, "IllegalStateException: pump dry"));
            default -> { }
        }
        return new ActionRun() {
            @Override
            public String actionId() {
                return actionId;
            }

            @Override
            public String runId() {
                return runId;
            }

            @Override
            public ActionState state() {
                return result.isDone() ? ActionState.SUCCEEDED : ActionState.RUNNING;
            }

            @Override
            public CompletableFuture<Object> result() {
                return result;
            }

            @Override
            public CompletableFuture<Boolean> interrupt() {
                return CompletableFuture.completedFuture(result.completeExceptionally(
                        new ActionException(actionId, ActionError.INTERRUPTED, "interrupted")));
            }
        };
    }

    @Override
    public CompletableFuture<Integer> interrupt(String actionOrRunId) {
        return CompletableFuture.completedFuture(0);
    }

    @Override
    public Optional<ActionStatus> status(String actionId) {
        return Optional.empty();
    }

    @Override
    public Registration addStateListener(ActionStateListener listener) {
        return () -> { };
    }

    @Override
    public List<ActionInfo> actions() {
        return List.of();
    }

    @Override
    public Optional<ActionInfo> action(String actionId) {
        return Optional.empty();
    }

    @Override
    public int running(String actionId) {
        return 0;
    }

    @Override
    public Registration addListener(ActionListener listener) {
        return () -> { };
    }
}
