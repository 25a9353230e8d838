package org.kervi.app.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.kervi.module", name = "Kervi module instance",
        description = "Present in a module instance: written by the application that spawned it, or by an operator"
                + " for a module that joins from another machine")
public @interface ModuleConfig {

    @AttributeDefinition(name = "Module name")
    String name();

    @AttributeDefinition(name = "Application id")
    String appId() default "kervi";

    @AttributeDefinition(name = "Hub grace period (s)", description = "Shut this instance down when the application"
            + " has been out of reach this long; 0 never does (modules started by an operator)")
    int hubGraceSeconds() default 10;

    @AttributeDefinition(name = "Broker outage grace (s)", description = "Over a broker (org.kervi.ipc transport"
            + " other than tcp): while this instance cannot reach the broker and the process that spawned it still"
            + " runs, the application is out of sight but not gone; shut down only after this long")
    int brokerOutageGraceSeconds() default 300;

    @AttributeDefinition(name = "First contact grace (s)", description = "How long to wait for the application at"
            + " start before the hub grace period applies")
    int firstContactSeconds() default 60;
}
