package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.api.actions.ActionService;

/** Completes the ids of all actions, local and remote. */
@Service
public class ActionIdCompleter implements Completer {
    @Reference
    ActionService actions;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        actions.actions().forEach(a -> delegate.getStrings().add(a.id()));
        return delegate.complete(session, commandLine, candidates);
    }
}
