package org.kervi.api.actions;

/** Why an action call did not return a result. */
public enum ActionError {
    /** No action with that id is known anywhere. */
    UNKNOWN_ID,
    /** The arguments do not fit the parameters. */
    BAD_ARGUMENTS,
    /** The action ran and threw; the exception's type and message are kept. */
    FAILED,
    /** No result within the timeout. */
    TIMEOUT,
    /** The action is running and its policy is {@link ActionConcurrency#REJECT}. */
    BUSY,
    /** The instance that owns the action went away before it answered. */
    OWNER_GONE,
    /** The runtime or the link to the owner is overloaded; the call was not run. */
    OVERLOADED,
    /** The caller is not allowed to run it. */
    FORBIDDEN,
    /** The run was interrupted ({@link ActionRun#interrupt()}, {@code kervi:action-interrupt}) before it ended. */
    INTERRUPTED
}
