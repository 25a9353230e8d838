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
@Command(scope = "kervi", name = "links", description = "Lists the links (input follows source) of the whole"
        + " application, resolved or not, with the instance that owns each input")
public class LinksCommand implements Action {
    @Reference
    KerviRegistry registry;

    @Option(name = "-u", aliases = "--unresolved", description = "Only unresolved links")
    boolean unresolvedOnly;

    @Option(name = "-l", aliases = "--local", description = "Only the links of this instance's inputs")
    boolean localOnly;

    @Option(name = "--no-format", description = "Plain output for scripts (tab-separated)")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("no links");
        table.column("Input");
        table.column("Source");
        table.column("State");
        table.column("Source owner");
        table.column("Last error");
        table.column("Owner");
        String self = registry.instanceId();
        for (LinkInfo l : registry.links()) {
            add(table, l, self);
        }
        if (!localOnly) {
            RemoteLinks.of(registry).forEach(r -> add(table, r.link(), r.owner()));
        }
        table.print(System.out, !noFormat);
        return null;
    }

    private void add(ShellTable table, LinkInfo l, String owner) {
        if (!unresolvedOnly || !l.resolved()) {
            table.addRow().addContent(l.inputId(), l.sourceId(), l.resolved() ? "resolved" : "unresolved",
                    l.sourceOwner(), l.lastError(), owner);
        }
    }
}
