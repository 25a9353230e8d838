package org.kervi.ipc.api;

import java.util.Map;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRole;

/**
 * A value as the directory knows it: enough to build a proxy of the same kind, role and range elsewhere.
 * {@code attributes} are {@link org.kervi.api.values.Value#attributes()} (unit, min, max, delta, options,
 * maxLength...), as JSON-compatible maps, lists, strings, numbers and booleans.
 */
public record ValueDescriptor(String id, String name, ValueKind kind, ValueRole role, String componentId,
        Map<String, Object> attributes) {

    public ValueDescriptor {
        name = name == null ? id : name;
        componentId = componentId == null ? "" : componentId;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
