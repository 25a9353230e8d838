package org.kervi.core.internal;

import java.util.concurrent.CompletableFuture;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionRun;
import org.kervi.api.actions.ActionState;

/** The handle of a start that was refused before anything ran (an unknown id). */
record FailedRun(String actionId, String runId, CompletableFuture<Object> result) implements ActionRun {
    static FailedRun of(String actionId, String runId, ActionException why) {
        return new FailedRun(actionId, runId, CompletableFuture.failedFuture(why));
    }

    @Override
    public ActionState state() {
        return ActionState.FAILED;
    }

    @Override
    public CompletableFuture<Boolean> interrupt() {
        return CompletableFuture.completedFuture(false);
    }
}
