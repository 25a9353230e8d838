package org.kervi.ipc.api;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.kervi.api.status.TransportStatus;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A link from this instance to the others: publishes what this instance owns, reports what the others own, and
 * carries value events, value writes and action calls. Implementations reconnect by themselves and register
 * every owned id again after each reconnect, so the far side (hub or broker) repairs its directory.
 *
 * <p>Wire values are JSON scalars as Java objects: {@code Double}/{@code Long} numbers, {@code Boolean},
 * {@code String} (text, enum keys, {@code #rrggbb} colors, ISO-8601 instants). Action arguments and results are
 * whatever Gson can write; results of remote calls arrive as Java scalars or Gson {@code JsonElement}s.
 *
 * <p>Thread-safe. {@link #publish} is the hot path and never blocks: a slow link coalesces value events per id
 * (the latest wins). Listener callbacks run on the transport's reader thread; keep them short.
 */
@ConsumerType
public interface Transport extends AutoCloseable {

    /** This instance's id on the link. */
    String instanceId();

    /** Connects (and keeps reconnecting with backoff until {@link #close()}), reporting to {@code listener}. */
    void start(TransportListener listener);

    boolean isConnected();

    /**
     * Claims values and actions as owned by this instance (again with new metadata, if an id is already
     * registered). Remembered: sent again after every reconnect. A claim of an id another instance owns is refused
     * with {@link TransportListener#problem} ({@link TransportProblem#DUPLICATE_ID}); the others still count.
     */
    void register(Collection<ValueDescriptor> values, Collection<ActionDescriptor> actions);

    /** Gives up owned ids (values or actions). */
    void unregister(Collection<String> ids);

    /** Asks for the events of these value ids ({@code "*"} for every id); the last value of each comes at once. */
    void subscribe(Collection<String> ids);

    /** Publishes a change of an owned value. Never blocks; may coalesce with a later change of the same id. */
    void publish(String valueId, Object value, long timestampMillis);

    /**
     * Publishes a change of an owned value that a link made (an input following another value): news the followed
     * value's own event already carried. The transport may send it sampled — the latest change of each id within
     * a short interval — unless another instance subscribed to this id by name, which gets every change. The
     * default publishes every change.
     */
    default void publishDerived(String valueId, Object value, long timestampMillis) {
        publish(valueId, value, timestampMillis);
    }

    /**
     * Calls an action owned by another instance. Completes with the result, or exceptionally with an
     * {@link org.kervi.api.actions.ActionException}: UNKNOWN_ID, OWNER_GONE, FAILED (with the remote exception
     * type), TIMEOUT, OVERLOADED, or any error the owner reported.
     */
    CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout);

    /**
     * Calls an action owned by another instance as the run {@code runId}, which {@link #interrupt} can name. A
     * transport without runs makes it a plain {@link #call}.
     */
    default CompletableFuture<Object> start(String actionId, List<?> args, Duration timeout, String runId) {
        return call(actionId, args, timeout);
    }

    /**
     * Interrupts the run {@code runId} (null: every run) of an action owned by another instance; completes with
     * the number of runs told to stop, or exceptionally with an {@link org.kervi.api.actions.ActionException}.
     */
    default CompletableFuture<Integer> interrupt(String actionId, String runId, Duration timeout) {
        return CompletableFuture.failedFuture(new org.kervi.api.actions.ActionException(actionId,
                org.kervi.api.actions.ActionError.FAILED, "this transport cannot interrupt remote actions"));
    }

    /**
     * Writes a value owned by another instance; completes when the owner accepted it, or exceptionally with a
     * {@link org.kervi.api.values.ValueRejectedException} carrying the owner's message (or an
     * {@link org.kervi.api.runtime.UnknownIdException}).
     */
    CompletableFuture<Void> write(String valueId, Object value);

    /** What this transport sees now: the link, the known instances and their ids, traffic counters. */
    TransportStatus status();

    /** Disconnects for good; owned ids leave the directory, pending calls fail. */
    @Override
    void close();
}
