package org.kervi.ipc.mqtt.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.api.ValueDescriptor;

/**
 * The application's directory as the broker holds it, seen from one instance: the retained entries (id → owner and
 * descriptor), the instances present, and which ids are visible (an entry whose owner is present and is not this
 * instance). Changed only on the transport's dispatcher thread; the visible maps are read from any thread.
 */
final class Directory {
    /** A retained entry: the owner, when it claimed the id, and the descriptor (a value's or an action's). */
    record Entry(String owner, long claimed, ValueDescriptor value, ActionDescriptor action) {}

    record Presence(String host, long since) {}

    final Map<String, Entry> values = new HashMap<>();
    final Map<String, Entry> actions = new HashMap<>();
    final Map<String, Presence> present = new ConcurrentHashMap<>();
    /** What the listener was told: id → owner. */
    final Map<String, String> visibleValues = new ConcurrentHashMap<>();
    final Map<String, String> visibleActions = new ConcurrentHashMap<>();

    Map<String, Entry> entries(boolean action) {
        return action ? actions : values;
    }

    /** The owner an id should be visible with now, or null. */
    String shouldSee(String id, boolean action, String self) {
        Entry e = entries(action).get(id);
        return e != null && !e.owner().equals(self) && present.containsKey(e.owner()) ? e.owner() : null;
    }

    /** Everything, when the link is lost. */
    void clear() {
        values.clear();
        actions.clear();
        present.clear();
    }

    /** Ids (values and actions) whose entry or visibility names {@code owner}. */
    Map<String, Boolean> idsOf(String owner) {
        Map<String, Boolean> ids = new HashMap<>();
        values.forEach((id, e) -> {
            if (e.owner().equals(owner)) {
                ids.put(id, false);
            }
        });
        actions.forEach((id, e) -> {
            if (e.owner().equals(owner)) {
                ids.put(id, true);
            }
        });
        visibleValues.forEach((id, o) -> {
            if (o.equals(owner)) {
                ids.put(id, false);
            }
        });
        visibleActions.forEach((id, o) -> {
            if (o.equals(owner)) {
                ids.put(id, true);
            }
        });
        return ids;
    }
}
