package org.kervi.core.internal;

import java.time.Duration;
import org.kervi.api.actions.ActionState;
import org.kervi.api.actions.ActionStateIds;
import org.kervi.api.actions.ActionStatus;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ValueEntry;

/** Reads another instance's action status from the state values it publishes. */
final class RemoteStatus {
    private RemoteStatus() {}

    static ActionStatus read(String actionId, KerviRegistry registry) {
        Object state = current(registry, ActionStateIds.state(actionId));
        if (state == null) {
            return ActionStatus.idle(actionId);
        }
        ActionState s;
        try {
            s = ActionState.ofKey(state.toString());
        } catch (IllegalArgumentException e) {
            s = ActionState.IDLE;
        }
        Object error = current(registry, ActionStateIds.lastError(actionId));
        Object seconds = current(registry, ActionStateIds.lastDuration(actionId));
        Duration took = seconds instanceof Number n && s != ActionState.IDLE
                ? Duration.ofNanos(Math.round(n.doubleValue() * 1e9)) : null;
        return new ActionStatus(actionId, s, error == null ? "" : error.toString(), took,
                s == ActionState.RUNNING ? 1 : 0, "");
    }

    private static Object current(KerviRegistry registry, String id) {
        return registry.value(id).map(ValueEntry::value).filter(v -> v.hasFired()).map(v -> (Object) v.get())
                .orElse(null);
    }
}
