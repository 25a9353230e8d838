package org.kervi.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.kervi.core", name = "Kervi core",
        description = "Runtime of values, links, sensors and actions in this Karaf instance")
public @interface CoreConfig {

    @AttributeDefinition(name = "Instance id", description = "Id of this instance in the application;"
            + " empty takes the Karaf instance name (karaf.name)")
    String instanceId() default "";

    @AttributeDefinition(name = "Ready on start", description = "Start components (sensor polling, inputChanged)"
            + " as soon as the core starts. An application's module instances set false and wait for the app.")
    boolean readyOnStart() default true;

    @AttributeDefinition(name = "Default action timeout (ms)", min = "1")
    long actionTimeoutMillis() default 10_000;

    @AttributeDefinition(name = "Action threads", description = "Threads that run action calls", min = "1")
    int actionThreads() default 8;

    @AttributeDefinition(name = "Queued action calls", description = "Calls waiting for a thread before new ones"
            + " are refused as OVERLOADED", min = "1")
    int actionQueue() default 1000;

    @AttributeDefinition(name = "Polling threads", description = "Threads of the shared sensor scheduler", min = "1")
    int pollThreads() default 2;
}
