package org.kervi.ipc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.kervi.ipc.acl", name = "Kervi IPC access list", description = "Read by the hub:"
        + " which instances other than the root may call actions and write values of other instances. The root (the"
        + " hub's own instance: app code, dashboard, shell) may do everything; any other instance calls its own"
        + " actions and writes its own values, plus what a grant names. Grants per instance: keys <instance>.call"
        + " and <instance>.write, id globs separated by commas (* stands for any characters), e.g."
        + " controllers.call = fan_controller.*, sensors.calibrate. The everyone.* keys below apply to every"
        + " instance other than the root.")
public @interface AclConfig {

    @AttributeDefinition(name = "Calls every instance may make", required = false, description = "Action id"
            + " globs, separated by commas")
    String everyone_call() default "";

    @AttributeDefinition(name = "Writes every instance may make", required = false, description = "Value id"
            + " globs, separated by commas")
    String everyone_write() default "";
}
