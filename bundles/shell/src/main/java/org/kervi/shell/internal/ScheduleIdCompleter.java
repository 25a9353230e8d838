package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.api.schedules.ScheduleService;

/** Completes the ids of this instance's schedules. */
@Service
public class ScheduleIdCompleter implements Completer {
    @Reference(optional = true)
    ScheduleService schedules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        if (schedules != null) {
            schedules.schedules().forEach(s -> delegate.getStrings().add(s.id()));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
