package org.kervi.automation.internal.links;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Kervi action link", description = "Starts an action when a value comes to meet a"
        + " condition (edge-triggered; a trigger while the action runs is skipped). One configuration per link:"
        + " etc/org.kervi.automation.actionlink-<name>.cfg")
@interface ActionLinkConfig {
    @AttributeDefinition(name = "Value", description = "Id of the watched value, local or in another instance"
            + " (cpu_load)")
    String value();

    @AttributeDefinition(name = "Trigger", description = "When to start: true, false, '> 90', '< 10', '= on'")
    String trigger();

    @AttributeDefinition(name = "Action", description = "Id of the action to start (fan_controller.boost_run)")
    String action();

    @AttributeDefinition(name = "Interrupt", description = "While the run goes on, interrupt it when the value"
            + " meets this condition; empty: never", required = false)
    String interrupt() default "";

    @AttributeDefinition(name = "Pass value", description = "Pass the value that triggered as the first argument")
    boolean passValue() default false;

    @AttributeDefinition(name = "Parameters", description = "Fixed arguments after the value, as typed in the shell"
            + " (comma-separated in a .cfg file)", required = false)
    String[] parameters() default {};

    @AttributeDefinition(name = "Id", description = "The link's id; default: the configuration's name"
            + " (<name> of org.kervi.automation.actionlink-<name>.cfg)", required = false)
    String id() default "";
}
