package org.kervi.api.runtime;

import java.util.List;

/**
 * A component known to this instance. {@code state} is {@code registered} (waiting for the application to be
 * ready), {@code started}, {@code failing} (started, but its own work fails: a sensor whose driver cannot read,
 * polled again with back-off) or {@code refused}; {@code error} says why for the last two.
 */
public record ComponentInfo(String id, String name, String type, String bundle, List<String> valueIds,
        List<String> actionIds, String state, String error) {

    public ComponentInfo {
        valueIds = List.copyOf(valueIds);
        actionIds = List.copyOf(actionIds);
        error = error == null ? "" : error;
    }
}
