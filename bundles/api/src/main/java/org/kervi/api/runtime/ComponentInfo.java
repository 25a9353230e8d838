package org.kervi.api.runtime;

import java.util.List;

/**
 * A component known to this instance. {@code state} is {@code registered} (waiting for the application to be
 * ready), {@code started}, or {@code refused} with {@code error} saying why (a duplicate id, say).
 */
public record ComponentInfo(String id, String name, String type, String bundle, List<String> valueIds,
        List<String> actionIds, String state, String error) {

    public ComponentInfo {
        valueIds = List.copyOf(valueIds);
        actionIds = List.copyOf(actionIds);
        error = error == null ? "" : error;
    }
}
