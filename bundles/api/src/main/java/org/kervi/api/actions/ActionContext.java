package org.kervi.api.actions;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The run an action method is part of. Declare a parameter of this type (anywhere in the list) and the runtime
 * passes it; callers do not give it an argument and it is not listed among the action's parameters. A long action
 * polls {@link #isInterrupted()} or waits with {@link #awaitInterrupt(Duration)} instead of sleeping.
 */
@ProviderType
public interface ActionContext {
    String actionId();

    String runId();

    /** True once someone asked this run to stop ({@link ActionRun#interrupt()}, {@code kervi:action-interrupt}). */
    boolean isInterrupted();

    /**
     * Waits at most {@code timeout} for an interrupt; true when interrupted (at once if it was already), false when
     * the time passed. Ignores the thread's interrupt flag, so it behaves alike wherever it is called.
     */
    boolean awaitInterrupt(Duration timeout);
}
