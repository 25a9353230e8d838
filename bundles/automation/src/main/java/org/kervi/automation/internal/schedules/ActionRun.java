package org.kervi.automation.internal.schedules;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kervi.api.actions.ActionService;

/**
 * One started run of a scheduled action. Started through {@link ActionService#call}: {@link #interrupt()} stops
 * waiting for the result and marks the run interrupted, but the action itself runs to its end, because the action
 * service has no interrupt yet (issue #13 point 5 adds one; this is the one place to switch over).
 */
final class ActionRun {
    private final CompletableFuture<Object> result;

    private ActionRun(CompletableFuture<Object> result) {
        this.result = result;
    }

    static ActionRun start(ActionService actions, String actionId, List<?> arguments) {
        CompletableFuture<Object> call;
        try {
            call = actions.call(actionId, arguments, null);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return new ActionRun(call);
    }

    CompletableFuture<Object> result() {
        return result;
    }

    /** @return true when the run was still going */
    boolean interrupt() {
        return result.cancel(true);
    }
}
