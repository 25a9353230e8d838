package org.kervi.app.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.kervi.module.handover", name = "Kervi module handover",
        description = "Written by the application into a module instance it started ahead of a move (a shared module"
                + " switched to process mode at runtime): the module's features to install now, and its"
                + " org.kervi.module settings, written once they are in")
public @interface HandoverConfig {

    @AttributeDefinition(name = "Features", description = "The module's features, installed into this instance")
    String[] features();

    @AttributeDefinition(name = "Module name")
    String name();

    @AttributeDefinition(name = "Application id")
    String appId() default "kervi";

    @AttributeDefinition(name = "Hub grace period (s)")
    int hubGraceSeconds() default 10;
}
