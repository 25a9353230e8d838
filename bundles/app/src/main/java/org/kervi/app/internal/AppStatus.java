package org.kervi.app.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.values.EnumValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.StringValue;
import org.kervi.api.values.ValueRole;

/**
 * The application's state as values, so that every instance and the dashboard see it: {@code app.state}
 * (starting, running, stopping) and, per module, {@code app.module.<name>.state} (a {@link ModuleState} key) and
 * {@code .restarts}. Module instances watch {@code app.state} to notice a lost application.
 */
final class AppStatus extends KerviComponent {
    static final String STATE_ID = "app.state";
    private final StringValue state;
    private final Map<String, EnumValue> moduleStates = new LinkedHashMap<>();
    private final Map<String, NumberValue> moduleRestarts = new LinkedHashMap<>();

    AppStatus(String appId, String appName, List<String> moduleNames) {
        super("app", appName + " (" + appId + ")");
        state = readOnly(addValue(new StringValue(STATE_ID, "Application state")));
        for (String name : moduleNames) {
            EnumValue moduleState = new EnumValue("app.module." + name + ".state", name + " state");
            for (ModuleState option : ModuleState.values()) {
                moduleState.option(option.key());
            }
            moduleStates.put(name, readOnly(addValue(moduleState)));
            moduleRestarts.put(name, readOnly(addValue(new NumberValue("app.module." + name + ".restarts",
                    name + " restarts"))));
        }
    }

    private static <V extends org.kervi.api.values.Value<?>> V readOnly(V value) {
        value.role(ValueRole.OUTPUT);
        return value;
    }

    void state(String newState) {
        state.set(newState);
    }

    void module(String name, ModuleState moduleState, int restarts) {
        EnumValue s = moduleStates.get(name);
        if (s != null) {
            s.set(moduleState.key());
            NumberValue r = moduleRestarts.get(name);
            if (!r.hasFired() || r.doubleValue() != restarts) {
                r.set((double) restarts);
            }
        }
    }
}
