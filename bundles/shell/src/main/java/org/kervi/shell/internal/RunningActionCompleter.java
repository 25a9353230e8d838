package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.api.actions.ActionService;
import org.kervi.api.actions.ActionState;

/** Completes the ids of actions that are running now, and their last run id. */
@Service
public class RunningActionCompleter implements Completer {
    @Reference
    ActionService actions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        actions.actions().forEach(a -> actions.status(a.id()).filter(s -> s.state() == ActionState.RUNNING)
                .ifPresent(s -> {
                    delegate.getStrings().add(a.id());
                    if (!s.lastRunId().isEmpty()) {
                        delegate.getStrings().add(s.lastRunId());
                    }
                }));
        return delegate.complete(session, commandLine, candidates);
    }
}
