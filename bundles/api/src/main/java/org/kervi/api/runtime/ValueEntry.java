package org.kervi.api.runtime;

import org.kervi.api.values.Value;

/** A value known to this instance: its own, or a proxy for one owned by another instance. */
public record ValueEntry(Value<?> value, String componentId, String owner, boolean local) {
    public String id() {
        return value.id();
    }
}
