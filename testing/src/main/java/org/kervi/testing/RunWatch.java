package org.kervi.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionService;
import org.kervi.api.actions.ActionState;

/** Waits for a run to begin, told by the core's action state events rather than by looking again and again. */
final class RunWatch {
    private RunWatch() {}

    static ActionState awaitStarted(ActionService actions, ActionRun run, Duration timeout) {
        CountDownLatch begun = new CountDownLatch(1);
        try (Registration listening = actions.addStateListener(change -> {
            if (change.runId().equals(run.runId()) && (change.state() == ActionState.RUNNING
                    || change.state().isFinal())) {
                begun.countDown();
            }
        })) {
            run.result().whenComplete((result, error) -> begun.countDown());
            if (!hasBegun(run.state()) && !begun.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ActionException(run.actionId(), ActionError.TIMEOUT, "run " + run.runId()
                        + " did not start within " + timeout.toMillis() + " ms; it is " + run.state().key());
            }
            return run.state();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("waiting for run " + run.runId() + " was interrupted", e);
        }
    }

    private static boolean hasBegun(ActionState state) {
        return state == ActionState.RUNNING || state.isFinal();
    }
}
