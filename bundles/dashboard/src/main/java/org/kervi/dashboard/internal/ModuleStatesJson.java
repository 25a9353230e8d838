package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.kervi.api.runtime.ModuleState;

/**
 * Every {@link ModuleState} as the page needs it, {@code [{"key":"running","serving":true}, …]}: the page greys
 * what a module owns while its state is not serving, without a list of states of its own.
 */
final class ModuleStatesJson {
    private ModuleStatesJson() {}

    static JsonArray all() {
        JsonArray states = new JsonArray();
        for (ModuleState s : ModuleState.values()) {
            JsonObject o = new JsonObject();
            o.addProperty("key", s.key());
            o.addProperty("serving", s.isServing());
            states.add(o);
        }
        return states;
    }
}
