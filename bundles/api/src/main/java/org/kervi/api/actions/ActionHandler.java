package org.kervi.api.actions;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An action that is not a method of a local component — a proxy for an action in another instance, typically.
 * Register it as an OSGi service with the property {@value #ACTION_ID} (and optionally {@value #OWNER}); the
 * runtime then routes calls of that id to it.
 */
@ConsumerType
public interface ActionHandler {
    String ACTION_ID = "kervi.action.id";
    String OWNER = "kervi.owner";

    ActionInfo info();

    /** Runs the action; complete exceptionally with an {@link ActionException} on failure. */
    CompletableFuture<Object> invoke(List<?> args, Duration timeout);

    /**
     * Runs the action as the run {@code runId} (given by the starting instance), so that
     * {@link #interrupt(String)} can name it. Handlers that cannot interrupt need not override it.
     */
    default CompletableFuture<Object> invoke(List<?> args, Duration timeout, String runId) {
        return invoke(args, timeout);
    }

    /**
     * Interrupts the run {@code runId}, or every run of the action when it is null; completes with the number of
     * runs told to stop.
     */
    default CompletableFuture<Integer> interrupt(String runId) {
        return CompletableFuture.failedFuture(new ActionException(info().id(), ActionError.FAILED,
                "cannot be interrupted: its owner does not support interrupts"));
    }
}
