package org.kervi.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionHandler;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionState;

/** A run of an action served by an {@link ActionHandler} (another instance's): its state follows its result. */
final class RemoteRun implements ActionRun {
    private final String actionId;
    private final String runId;
    private final ActionHandler handler;
    private final CompletableFuture<Object> result;

    RemoteRun(String actionId, String runId, ActionHandler handler, CompletableFuture<Object> result) {
        this.actionId = actionId;
        this.runId = runId;
        this.handler = handler;
        this.result = result;
    }

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
        if (!result.isDone()) {
            return ActionState.RUNNING;
        }
        if (!result.isCompletedExceptionally()) {
            return ActionState.SUCCEEDED;
        }
        try {
            result.join();
            return ActionState.FAILED;
        } catch (CompletionException e) {
            return e.getCause() instanceof ActionException ae && ae.error() == ActionError.INTERRUPTED
                    ? ActionState.INTERRUPTED : ActionState.FAILED;
        } catch (java.util.concurrent.CancellationException e) {
            return ActionState.INTERRUPTED;
        }
    }

    @Override
    public CompletableFuture<Object> result() {
        return result;
    }

    @Override
    public CompletableFuture<Boolean> interrupt() {
        if (result.isDone()) {
            return CompletableFuture.completedFuture(false);
        }
        try {
            return handler.interrupt(runId).thenApply(n -> n > 0);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String toString() {
        return runId + " (" + state() + ")";
    }
}
