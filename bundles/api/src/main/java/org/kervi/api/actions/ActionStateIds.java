package org.kervi.api.actions;

import org.kervi.api.Ids;

/**
 * The ids of the values that carry an action's status, in the instance that owns the action and (as remote values)
 * in every other: {@code <action id>.state} (an enum of the {@link ActionState} keys), {@code <action id>.last_error}
 * (text, empty unless the last run failed) and {@code <action id>.last_duration} (seconds the last ended run took).
 */
public final class ActionStateIds {
    private ActionStateIds() {}

    public static String state(String actionId) {
        return Ids.join(actionId, "state");
    }

    public static String lastError(String actionId) {
        return Ids.join(actionId, "last_error");
    }

    public static String lastDuration(String actionId) {
        return Ids.join(actionId, "last_duration");
    }

    /** The action id a run id belongs to ({@code fan.boost#app-3} → {@code fan.boost}), or null if it is none. */
    public static String actionOfRun(String runId) {
        int hash = runId == null ? -1 : runId.indexOf('#');
        return hash > 0 ? runId.substring(0, hash) : null;
    }
}
