package org.kervi.api.actions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.kervi.api.Registration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Calls actions by id, wherever they live. The future completes with the result (null for void), or
 * exceptionally with an {@link ActionException}; never silently.
 *
 * <p>Arguments may be values of the parameter types, Strings (as typed in the shell: {@code true}, {@code 42},
 * JSON for structured types) or Gson JSON elements.
 *
 * <p>The future of an action of another instance refuses {@code get}/{@code join} with an
 * {@link IllegalStateException} while the calling thread hands that instance's events to listeners
 * ({@link org.kervi.api.runtime.RemoteEventThreads}): the answer arrives on that thread. Chain on it there.
 */
@ProviderType
public interface ActionService {

    /** Calls with the action's default timeout. */
    default CompletableFuture<Object> call(String actionId, Object... args) {
        return call(actionId, List.of(args), null);
    }

    /** @param timeout null for the action's default */
    CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout);

    /**
     * Starts a run and returns at once with its handle; the run follows the action's {@link ActionConcurrency}
     * (queued behind a SERIAL run, refused with BUSY by a running REJECT action: then the handle's result fails).
     * Works for actions of other instances alike.
     */
    default ActionRun start(String actionId, Object... args) {
        return start(actionId, List.of(args), null);
    }

    /** @param timeout null for the action's default; at the timeout the run is interrupted and FAILED (TIMEOUT) */
    ActionRun start(String actionId, List<?> args, Duration timeout);

    /**
     * Starts a run under a run id the starter chose ({@code <action id>#<starting instance>-<n>}): how another
     * instance's start is served here, so that its interrupt can name the run. A run id of another action fails
     * the run with BAD_ARGUMENTS.
     */
    ActionRun start(String actionId, List<?> args, Duration timeout, String runId);

    /**
     * Interrupts one run (a run id, {@code fan.boost#app-3}) or every queued and running run of an action (an
     * action id), here or in the instance that owns the action. Completes with the number of runs told to stop,
     * or exceptionally with an {@link ActionException} (UNKNOWN_ID, OWNER_GONE, TIMEOUT).
     */
    CompletableFuture<Integer> interrupt(String actionOrRunId);

    /**
     * The action's state, last error, last duration and running count: from the runs themselves for this instance's
     * actions, from the state values for another instance's. Empty for an unknown id.
     */
    Optional<ActionStatus> status(String actionId);

    /** Tells {@code listener} of every run of this instance's actions as it is queued, starts and ends. */
    Registration addStateListener(ActionStateListener listener);

    List<ActionInfo> actions();

    Optional<ActionInfo> action(String actionId);

    /** Number of calls of this action running now (0 when unknown). */
    int running(String actionId);

    /**
     * Tells {@code listener} of every action that appears or leaves from now on (local and handler actions; see
     * {@link ActionInfo#local()}). Actions present already are listed by {@link #actions()}.
     */
    Registration addListener(ActionListener listener);
}
