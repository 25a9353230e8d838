package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.LinkInfo;

@Service
@Command(scope = "kervi", name = "links", description = "Lists links (input follows source), resolved or unresolved")
public class LinksCommand implements Action {
    @Reference
    KerviRegistry registry;

    @Option(name = "-u", aliases = "--unresolved", description = "Only unresolved links")
    boolean unresolvedOnly;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("no links");
        table.column("Input");
        table.column("Source");
        table.column("State");
        table.column("Source owner");
        table.column("Last error");
        for (LinkInfo l : registry.links()) {
            if (!unresolvedOnly || !l.resolved()) {
                table.addRow().addContent(l.inputId(), l.sourceId(), l.resolved() ? "resolved" : "unresolved",
                        l.sourceOwner(), l.lastError());
            }
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
