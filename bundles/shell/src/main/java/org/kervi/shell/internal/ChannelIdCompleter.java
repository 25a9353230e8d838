package org.kervi.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.kervi.api.messaging.ChannelState;
import org.kervi.api.messaging.MessagingChannels;

/** Completes the ids of messaging channels that can send. */
@Service
public class ChannelIdCompleter implements Completer {
    @Reference(optional = true)
    MessagingChannels channels;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        if (channels == null) {
            return -1;
        }
        StringsCompleter delegate = new StringsCompleter();
        channels.channels().stream().filter(c -> c.state() == ChannelState.READY)
                .forEach(c -> delegate.getStrings().add(c.id()));
        return delegate.complete(session, commandLine, candidates);
    }
}
