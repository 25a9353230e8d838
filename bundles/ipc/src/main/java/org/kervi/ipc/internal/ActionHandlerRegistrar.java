package org.kervi.ipc.internal;

import org.kervi.api.Registration;
import org.kervi.api.actions.ActionHandler;

/**
 * Makes a remote action's proxy callable in this instance. In OSGi: an {@link ActionHandler} service with
 * {@value ActionHandler#ACTION_ID} and {@value ActionHandler#OWNER}; in tests, the dispatcher directly.
 */
@FunctionalInterface
public interface ActionHandlerRegistrar {
    Registration register(ActionHandler handler, String actionId, String owner);
}
