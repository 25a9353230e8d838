package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.messaging.MessagingChannels;
import org.kervi.shell.internal.Display.CommandFailure;

@Service
@Command(scope = "kervi", name = "channel-test", description = "Sends a test message through a messaging channel now"
        + " (past its level, sources and rate limit) and says whether it went out")
public class ChannelTestCommand implements Action {
    @Reference(optional = true)
    MessagingChannels channels;

    @Argument(index = 0, name = "id", description = "Channel id (kervi:channels)", required = true)
    @Completion(ChannelIdCompleter.class)
    String id;

    @Override
    public Object execute() throws Exception {
        MessagingChannels channels = Services.messaging(this.channels);
        try {
            System.out.println(channels.sendTest(id));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailure(e.getMessage());
        }
        return null;
    }
}
