package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionService;
import org.kervi.api.actions.ActionStatus;

@Service
@Command(scope = "kervi", name = "actions", description = "Lists actions, local and remote, with their"
        + " parameters, runs going now, owner instance, the unit and decimals of their result, and their state with the"
        + " last run's duration and error")
public class ActionsCommand implements Action {
    @Reference
    ActionService actions;

    @Option(name = "--no-format", description = "Plain output for scripts (tab-separated)")
    boolean noFormat;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("no actions");
        table.column("Id");
        table.column("Name");
        table.column("Parameters");
        table.column("Returns");
        table.column("Concurrency");
        table.column("Running").alignRight();
        table.column("Owner");
        table.column("Unit");
        table.column("Decimals").alignRight();
        table.column("State");
        table.column("Last run").alignRight();
        table.column("Last error");
        for (ActionInfo a : actions.actions()) {
            String parameters = String.join(", ", a.parameters().stream().map(Object::toString).toList());
            ActionStatus status = actions.status(a.id()).orElse(ActionStatus.idle(a.id()));
            table.addRow().addContent(a.id(), a.name(), parameters, a.returnType(), a.concurrency().name().toLowerCase(),
                    status.running(), a.owner(), a.unit(), a.decimals() < 0 ? "" : a.decimals(), status.state().key(),
                    Display.seconds(status.lastDuration()), status.lastError());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
