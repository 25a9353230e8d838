package org.kervi.ipc.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a {@link Transport} reports. Remote ids come and go with their owners: when the link or an owner is lost,
 * the transport reports every id it had announced as removed, and adds them again when they return.
 */
@ConsumerType
public interface TransportListener {

    /** The link is up and this instance's ids are registered (again). */
    default void connected() {}

    /** The link is down; the transport reconnects by itself. Remote ids were reported removed before this. */
    default void disconnected(String reason) {}

    void remoteValueAdded(ValueDescriptor value, String owner);

    void remoteValueRemoved(String valueId, String owner);

    void remoteActionAdded(ActionDescriptor action, String owner);

    void remoteActionRemoved(String actionId, String owner);

    /** A value event of a remote value this instance subscribed to. */
    void valueEvent(String valueId, Object value, long timestampMillis);

    /**
     * Another instance calls an action this instance owns. Complete with the result, or exceptionally (an
     * {@link org.kervi.api.actions.ActionException} keeps its error; anything else is FAILED with its type).
     */
    CompletableFuture<Object> callRequested(String actionId, List<Object> args, Duration timeout);

    /** Like {@link #callRequested}, as the run {@code runId} the caller chose (so it can be interrupted). */
    default CompletableFuture<Object> startRequested(String actionId, List<Object> args, Duration timeout,
            String runId) {
        return callRequested(actionId, args, timeout);
    }

    /**
     * Another instance interrupts the run {@code runId} (null: every run) of an action this instance owns. Complete
     * with the number of runs told to stop.
     */
    default CompletableFuture<Integer> interruptRequested(String actionId, String runId) {
        return CompletableFuture.failedFuture(new org.kervi.api.actions.ActionException(actionId,
                org.kervi.api.actions.ActionError.FAILED, "this instance cannot interrupt actions"));
    }

    /**
     * Another instance writes a value this instance owns. Complete when set, or exceptionally with the reason
     * (a {@link org.kervi.api.values.ValueRejectedException}'s message goes back to the writer).
     */
    CompletableFuture<Void> writeRequested(String valueId, Object value);

    /** Something the far side refused or failed: a duplicate id, a failed authentication, a protocol error. */
    void problem(TransportProblem problem);
}
