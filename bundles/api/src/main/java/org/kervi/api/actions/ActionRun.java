package org.kervi.api.actions;

import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One run of an action, started by {@link ActionService#start}: local or in another instance. The run id is unique
 * across instances ({@code <action id>#<starting instance>-<n>}) and names this run in
 * {@link ActionService#interrupt(String)} and {@code kervi:action-interrupt}.
 */
@ProviderType
public interface ActionRun {
    String actionId();

    String runId();

    /** The run's state as known here: QUEUED, RUNNING, or the state it ended in. */
    ActionState state();

    /** Completes with the result, or exceptionally with an {@link ActionException} ({@link ActionError#INTERRUPTED}
     * when interrupted). */
    CompletableFuture<Object> result();

    /**
     * Asks the run to stop: a queued run is dropped, a running one sees {@link ActionContext#isInterrupted()}, its
     * {@link Interrupt} handler is called and its thread interrupted. Completes with true when the run was queued or
     * running, false when it had ended already.
     */
    CompletableFuture<Boolean> interrupt();
}
