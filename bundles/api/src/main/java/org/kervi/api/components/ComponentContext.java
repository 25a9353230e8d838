package org.kervi.api.components;

import java.util.concurrent.ScheduledExecutorService;
import org.osgi.annotation.versioning.ProviderType;

/** What the runtime hands a component when it starts it. */
@ProviderType
public interface ComponentContext {
    /** The shared scheduler for polling; never block it for long. */
    ScheduledExecutorService scheduler();

    /** The id of the Karaf instance the component runs in. */
    String instanceId();
}
