package org.kervi.api.actions;

import java.time.Duration;
import java.util.Objects;

/** An action call that ended without a result; {@link #error()} says why. */
public class ActionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String actionId;
    private final ActionError error;
    private final String remoteType;

    public ActionException(String actionId, ActionError error, String message) {
        this(actionId, error, message, null, null);
    }

    /**
     * @param remoteType for {@link ActionError#FAILED}, the class name of the exception the action threw
     */
    public ActionException(String actionId, ActionError error, String message, String remoteType, Throwable cause) {
        super(message, cause);
        this.actionId = actionId;
        this.error = Objects.requireNonNull(error);
        this.remoteType = remoteType;
    }

    /**
     * A call that got no result within {@code timeout}: the one wording of a timeout wherever it is noticed (the
     * owner, a caller in another instance, the shell, the dashboard) — {@link #timeoutMessage(Duration)}.
     */
    public static ActionException timedOut(String actionId, Duration timeout) {
        return new ActionException(actionId, ActionError.TIMEOUT, timeoutMessage(timeout));
    }

    /** {@code no result within 2000 ms}: what a {@link ActionError#TIMEOUT} says, for a call or a remote write. */
    public static String timeoutMessage(Duration timeout) {
        return "no result within " + timeout.toMillis() + " ms";
    }

    public String actionId() {
        return actionId;
    }

    public ActionError error() {
        return error;
    }

    /** For a failed action, the type of the exception it threw, else null. */
    public String remoteType() {
        return remoteType;
    }

    /** One line for users: {@code fan_controller.activate: FAILED: IllegalStateException: no fan}. */
    public String describe() {
        return actionId + ": " + error + ": " + (remoteType == null ? "" : simpleName(remoteType) + ": ")
                + getMessage();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": " + describe();
    }
}
