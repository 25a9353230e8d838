package org.kervi.core.internal;

import java.time.Duration;
import java.util.List;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStateIds;
import org.kervi.api.values.EnumValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.StringValue;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueRole;

/** The values that show an action's state to the shell, the dashboard and other instances (see ActionStateIds). */
final class ActionStateValues {
    private final EnumValue state;
    private final StringValue lastError;
    private final NumberValue lastDuration;
    private final boolean published;

    /** {@code published}: registered with the component's values; otherwise kept here only. */
    ActionStateValues(String actionId, String actionName, boolean published) {
        this.published = published;
        state = new EnumValue(ActionStateIds.state(actionId), actionName + " state");
        for (ActionState s : ActionState.values()) {
            if (s != ActionState.QUEUED) {
                state.option(s.key());
            }
        }
        state.set(ActionState.IDLE.key());
        lastError = new StringValue(ActionStateIds.lastError(actionId), actionName + " last error");
        lastDuration = new NumberValue(ActionStateIds.lastDuration(actionId), actionName + " last duration")
                .unit("s").decimals(3);
        for (Value<?> v : List.of(state, lastError, lastDuration)) {
            v.role(ValueRole.OUTPUT).log(false);
        }
    }

    /** The values to register: none when the action's state values are not published. */
    List<Value<?>> all() {
        return published ? List.of(state, lastError, lastDuration) : List.of();
    }

    void running() {
        state.set(ActionState.RUNNING.key());
    }

    /** A run ended; {@code stillRunning} when other runs of the action go on (the state stays RUNNING). */
    void ended(ActionState how, String error, Duration took, boolean stillRunning) {
        lastError.set(how == ActionState.SUCCEEDED ? "" : error);
        lastDuration.set(took.toNanos() / 1e9);
        state.set((stillRunning ? ActionState.RUNNING : how).key());
    }
}
