package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.api.runtime.KerviRegistry;

/** Completes the ids of values that may be set from outside (inputs and standalone values). */
@Service
public class WritableValueIdCompleter implements Completer {
    @Reference
    KerviRegistry registry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        registry.values().stream().filter(ValueIdCompleter::writable).forEach(e -> delegate.getStrings().add(e.id()));
        return delegate.complete(session, commandLine, candidates);
    }
}
