package org.kervi.shell.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ValueEntry;

/**
 * A component of another instance as this instance knows it: by the values and actions it owns, which the IPC
 * directory carries with their component id and owner. (Its type, name, state and bundle stay in its instance.)
 */
record RemoteComponent(String id, String owner, List<String> valueIds, List<String> actionIds) {

    /** The components behind the remote values and actions, sorted by id, then owner. */
    static List<RemoteComponent> of(List<ValueEntry> values, List<ActionInfo> actions) {
        Map<String, RemoteComponent> byKey = new TreeMap<>();
        for (ValueEntry v : values) {
            if (!v.local() && !v.componentId().isEmpty()) {
                component(byKey, v.componentId(), v.owner()).valueIds().add(v.id());
            }
        }
        for (ActionInfo a : actions) {
            if (!a.local() && !a.componentId().isEmpty()) {
                component(byKey, a.componentId(), a.owner()).actionIds().add(a.id());
            }
        }
        List<RemoteComponent> list = new ArrayList<>(byKey.values());
        list.sort(Comparator.comparing(RemoteComponent::id).thenComparing(RemoteComponent::owner));
        return list;
    }

    /** Hidden from the dashboard: it has values, and every one of them is {@code visible(false)}. */
    boolean hidden(KerviRegistry registry) {
        return !valueIds.isEmpty() && valueIds.stream().allMatch(id -> registry.value(id)
                .map(e -> !e.value().isVisible()).orElse(false));
    }

    private static RemoteComponent component(Map<String, RemoteComponent> byKey, String id, String owner) {
        return byKey.computeIfAbsent(owner + '\u0000' + id,
                k -> new RemoteComponent(id, owner, new ArrayList<>(), new ArrayList<>()));
    }
}
