package org.kervi.api.actions;

import java.util.Locale;

/**
 * Where an action, or one run of it, stands. An action that never ran is {@link #IDLE}; a run waiting its turn
 * behind a SERIAL run is {@link #QUEUED}. An action's state is also a value, {@code <action id>.state} (see
 * {@link ActionStateIds}), so the shell, the dashboard and other instances see it.
 */
public enum ActionState {
    /** The action has not run since it appeared (an action's state only, never a run's). */
    IDLE,
    /** The run waits for an earlier run to end (SERIAL actions; a run's state only, never an action's). */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** The run was interrupted, or interrupted while queued and never ran. */
    INTERRUPTED;

    /** True for the states a run ends in. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }

    /** The state's key as it travels in values and on the wire: {@code running}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for a {@link #key()} (case ignored), or an {@link IllegalArgumentException} naming the keys. */
    public static ActionState ofKey(String key) {
        for (ActionState s : values()) {
            if (s.key().equalsIgnoreCase(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not an action state; use one of idle, queued, running,"
                + " succeeded, failed, interrupted");
    }
}
