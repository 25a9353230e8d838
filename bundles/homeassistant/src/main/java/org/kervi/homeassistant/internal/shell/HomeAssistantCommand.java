package org.kervi.homeassistant.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.homeassistant.internal.HomeAssistantStatus;

@Service
@Command(scope = "kervi", name = "homeassistant", description = "Home Assistant discovery: the broker link and the"
        + " entities published (component, object id, device instance, availability)")
public class HomeAssistantCommand implements Action {
    @Reference(optional = true)
    HomeAssistantStatus status;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        if (status == null) {
            System.out.println("Home Assistant discovery is not running: configure etc/org.kervi.homeassistant.cfg"
                    + " (its errors are in the log)");
            return null;
        }
        String problem = status.problem();
        System.out.println("Broker " + status.brokerUrl() + ": " + (problem.isEmpty() ? "connected" : problem)
                + "; exposing " + (status.exposed().isEmpty() ? "nothing (expose is empty)" : status.exposed()));
        ShellTable table = new ShellTable().emptyTableText("no entities");
        table.column("Id");
        table.column("Component");
        table.column("Object");
        table.column("Instance");
        table.column("Availability");
        for (HomeAssistantStatus.Row r : status.entities()) {
            table.addRow().addContent(r.kerviId(), r.component(), r.objectId(), r.instanceId(),
                    r.instanceOnline() ? "online" : "offline");
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
