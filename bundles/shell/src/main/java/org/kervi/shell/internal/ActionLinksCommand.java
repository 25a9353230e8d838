package org.kervi.shell.internal;

import java.time.ZoneId;
import java.util.Objects;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.actionlinks.ActionLinkSpec;
import org.kervi.api.actionlinks.ActionLinkStatus;
import org.kervi.api.actionlinks.ActionLinks;

@Service
@Command(scope = "kervi", name = "action-links", description = "Lists this instance's action links (value condition"
        + " → action), from code and from org.kervi.automation.actionlink configurations: state, starts, skipped"
        + " triggers, interrupts, last trigger and last error")
public class ActionLinksCommand implements Action {
    @Reference(optional = true)
    ActionLinks links;

    @Option(name = "--no-format", description = "Plain output for scripts (tab-separated)")
    boolean noFormat;

    @Override
    public Object execute() {
        if (links == null) {
            throw new IllegalStateException("action links are not running in this instance (feature"
                    + " kervi-automation)");
        }
        ShellTable table = new ShellTable().emptyTableText("no action links");
        table.column("Id");
        table.column("Value");
        table.column("Trigger");
        table.column("Action");
        table.column("Interrupt");
        table.column("State");
        table.column("Starts").alignRight();
        table.column("Skipped").alignRight();
        table.column("Interrupts").alignRight();
        table.column("Last trigger");
        table.column("Last error");
        table.column("Origin");
        for (ActionLinkStatus s : links.links()) {
            ActionLinkSpec spec = s.spec();
            String lastTrigger = s.lastTrigger() == null ? ""
                    : s.lastTrigger().atZone(ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString();
            table.addRow().addContent(s.id(), spec == null ? "" : spec.valueId(), spec == null ? "" : spec.trigger(),
                    spec == null ? "" : arguments(spec), spec == null ? "" : Objects.toString(spec.interrupt(), ""),
                    s.state().key(), s.starts(), s.skipped(), s.interrupts(), lastTrigger, s.lastError(), s.origin());
        }
        table.print(System.out, !noFormat);
        return null;
    }

    private static String arguments(ActionLinkSpec spec) {
        StringBuilder b = new StringBuilder(spec.actionId()).append('(');
        if (spec.passValue()) {
            b.append("value");
        }
        for (Object p : spec.parameters()) {
            b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ").append(p);
        }
        return b.append(')').toString();
    }
}
