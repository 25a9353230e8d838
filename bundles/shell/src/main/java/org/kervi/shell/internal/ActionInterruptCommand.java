package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.actions.ActionService;

@Service
@Command(scope = "kervi", name = "action-interrupt", description = "Interrupts one run of an action (its run id, as"
        + " printed by kervi:action --async) or every run of an action (its id), here or in the instance that owns it")
public class ActionInterruptCommand implements Action {
    @Reference
    ActionService actions;

    @Argument(index = 0, name = "id", description = "A run id (fan.boost#app-3) or an action id", required = true)
    @Completion(RunningActionCompleter.class)
    String id;

    @Override
    public Object execute() throws Exception {
        int stopped = Display.await(actions.interrupt(id), 15_000);
        boolean oneRun = id.indexOf('#') > 0;
        System.out.println(stopped == 0 ? id + ": " + (oneRun ? "not running (it has ended)" : "no run is going")
                : id + ": " + stopped + (stopped == 1 ? " run" : " runs") + " interrupted");
        return null;
    }
}
