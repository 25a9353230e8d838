package org.kervi.shell.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.status.DashboardStreams;

@Service
@Command(scope = "kervi", name = "dashboard-streams", description = "Lists the dashboard's open live streams, or"
        + " closes them (browsers reconnect and resync)")
public class DashboardStreamsCommand implements Action {
    @Reference(optional = true)
    DashboardStreams dashboard;

    @Option(name = "--drop", description = "Close every open stream")
    boolean drop;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        DashboardStreams dashboard = Services.dashboard(this.dashboard);
        if (drop) {
            System.out.println("Closed " + dashboard.dropStreams() + " live stream(s)");
            return null;
        }
        ShellTable table = new ShellTable().emptyTableText("no open streams at " + dashboard.path() + "/api/stream");
        table.column("Id").alignRight();
        table.column("User");
        table.column("From");
        table.column("Since");
        table.column("Writes").alignRight();
        table.column("Coalesced").alignRight();
        for (DashboardStreams.Stream s : dashboard.streams()) {
            table.addRow().addContent(s.id(), s.user(), s.remote(), LocalTime.ofInstant(
                    Instant.ofEpochMilli(s.openedAtMillis()), ZoneId.systemDefault()).withNano(0), s.writes(),
                    s.coalesced());
        }
        table.print(System.out, !noFormat);
        return null;
    }
}
