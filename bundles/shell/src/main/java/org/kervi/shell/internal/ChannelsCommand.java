package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.messaging.ChannelStatus;
import org.kervi.api.messaging.MessagingChannels;

@Service
@Command(scope = "kervi", name = "channels", description = "Lists the messaging channels (email, webhook): where they"
        + " send, what they take, their rate limit, messages sent, failed and suppressed, and the last error")
public class ChannelsCommand implements Action {
    @Reference(optional = true)
    MessagingChannels channels;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        MessagingChannels channels = Services.messaging(this.channels);
        ShellTable table = new ShellTable().emptyTableText("no channels: configure factory pids"
                + " org.kervi.messaging.email or org.kervi.messaging.webhook");
        table.column("Id");
        table.column("Kind");
        table.column("State");
        table.column("Target");
        table.column("Takes");
        table.column("Limit");
        table.column("Sent").alignRight();
        table.column("Failed").alignRight();
        table.column("Suppressed").alignRight();
        table.column("Last error");
        for (ChannelStatus c : channels.channels()) {
            String error = c.lastError().isEmpty() ? "" : c.lastError() + (c.lastErrorTime() == null ? ""
                    : " (" + c.lastErrorTime() + ")");
            table.addRow().addContent(c.id(), c.kind(), c.state().name().toLowerCase(java.util.Locale.ROOT),
                    c.target(), c.filter(), c.rateLimit(), c.sent(), c.failed(), c.suppressed(), error);
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
