package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.api.status.ApplicationModules;

/** Completes the application's module names. */
@Service
public class ModuleNameCompleter implements Completer {
    @Reference(optional = true)
    ApplicationModules modules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (modules == null) {
            return -1;
        }
        modules.modules().forEach(m -> delegate.getStrings().add(m.name()));
        return delegate.complete(session, commandLine, candidates);
    }
}
