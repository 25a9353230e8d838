package org.kervi.api.actions;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when actions appear in or leave this instance: local {@code @Action} methods as their components come and
 * go, and {@link ActionHandler} services (remote proxies) as they are registered and unregistered. Runs on the
 * thread that added or removed the action; keep it short.
 */
@ConsumerType
public interface ActionListener {
    default void actionAdded(ActionInfo action) {}

    default void actionRemoved(ActionInfo action) {}
}
