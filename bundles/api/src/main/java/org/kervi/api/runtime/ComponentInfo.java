package org.kervi.api.runtime;

import java.util.List;

/**
 * A component known to this instance. {@code state} is {@code registered} (waiting for the application to be
 * ready), {@code started}, {@code failing} (started, but its own work fails: a sensor whose driver cannot read,
 * polled again with back-off) or {@code refused}; {@code error} says why for the last two. {@code visible} is false for
 * a component hidden from the dashboard ({@code KerviComponent.visible(false)}).
 */
public record ComponentInfo(String id, String name, String type, String bundle, List<String> valueIds,
        List<String> actionIds, String state, String error, boolean visible) {

    public ComponentInfo {
        valueIds = List.copyOf(valueIds);
        actionIds = List.copyOf(actionIds);
        error = error == null ? "" : error;
    }

    /** A component shown on the dashboard. */
    public ComponentInfo(String id, String name, String type, String bundle, List<String> valueIds,
            List<String> actionIds, String state, String error) {
        this(id, name, type, bundle, valueIds, actionIds, state, error, true);
    }
}
