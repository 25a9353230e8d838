package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.runtime.ComponentInfo;
import org.kervi.api.runtime.KerviRegistry;

@Service
@Command(scope = "kervi", name = "components", description = "Lists the sensors, controllers and other components"
        + " of this instance, with their state")
public class ComponentsCommand implements Action {
    @Reference
    KerviRegistry registry;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("no components");
        table.column("Id");
        table.column("Type");
        table.column("Name");
        table.column("State");
        table.column("Values").alignRight();
        table.column("Actions").alignRight();
        table.column("Bundle");
        table.column("Error");
        for (ComponentInfo c : registry.components()) {
            table.addRow().addContent(c.id(), c.type(), c.name(), c.state(), c.valueIds().size(), c.actionIds().size(),
                    c.bundle(), c.error());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
