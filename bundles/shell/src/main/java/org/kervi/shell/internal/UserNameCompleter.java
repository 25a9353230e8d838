package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.security.Credentials;

/** Completes the users of etc/users.properties. */
@Service
public class UserNameCompleter implements Completer {
    @Reference(optional = true)
    Credentials credentials;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (credentials == null) {
            return -1;
        }
        StringsCompleter delegate = new StringsCompleter(credentials.userNames());
        return delegate.complete(session, commandLine, candidates);
    }
}
