package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.KerviRegistry;

@Service
@Command(scope = "kervi", name = "components", description = "Lists the sensors, controllers and other components"
        + " of the whole application (every instance, with its owner); type, name, state and bundle of this"
        + " instance's components; 'hidden' for a component the dashboard does not show")
public class ComponentsCommand implements Action {
    @Reference
    KerviRegistry registry;

    @Reference
    ActionService actions;

    @Option(name = "-l", aliases = "--local", description = "Only the components of this instance")
    boolean localOnly;

    @Option(name = "--no-format", description = "Plain output for scripts (tab-separated)")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("no components");
        table.column("Id");
        table.column("Type");
        table.column("Name");
        table.column("State");
        table.column("Owner");
        table.column("Values").alignRight();
        table.column("Actions").alignRight();
        table.column("Bundle");
        table.column("Error");
        table.column("Dashboard");
        String self = registry.instanceId();
        for (ComponentInfo c : registry.components()) {
            table.addRow().addContent(c.id(), c.type(), c.name(), c.state(), self, c.valueIds().size(),
                    c.actionIds().size(), c.bundle(), c.error(), Display.shown(c.visible()));
        }
        List<RemoteComponent> remote = localOnly ? List.of() : RemoteComponent.of(registry.values(), actions.actions());
        for (RemoteComponent c : remote) {
            table.addRow().addContent(c.id(), "", "", "", c.owner(), c.valueIds().size(), c.actionIds().size(), "",
                    "", Display.shown(!c.hidden(registry)));
        }
        table.print(System.out, !noFormat);
        if (!noFormat && !remote.isEmpty()) {
            System.out.println("Components of other instances are known here by their values and actions; their"
                    + " type, name, state and bundle: kervi:components in their instance.");
        }
        return null;
    }
}
