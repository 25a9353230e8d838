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
 */
@ProviderType
public interface ActionService {

    /** Calls with the action's default timeout. */
    default CompletableFuture<Object> call(String actionId, Object... args) {
        return call(actionId, List.of(args), null);
    }

    /** @param timeout null for the action's default */
    CompletableFuture<Object> call(String actionId, List<?> args, Duration timeout);

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
