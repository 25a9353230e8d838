package org.kervi.shell.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.status.TransportStatus;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.kervi.api.status.IpcStatus;

@Service
@Command(scope = "kervi", name = "instances", description = "Lists the Kervi instances linked over IPC: ids they"
        + " own, last heartbeat, traffic")
public class InstancesCommand implements Action {
    @Reference(optional = true)
    IpcStatus ipc;

    @Option(name = "--no-format", description = "Plain output for scripts")
    boolean noFormat;

    @Override
    public Object execute() {
        if (ipc == null) {
            System.out.println("Kervi IPC is not configured (etc/org.kervi.ipc.cfg)");
            return null;
        }
        TransportStatus status = ipc.transport();
        if (status == null) {
            System.out.println("Kervi IPC is " + ipc.role() + (ipc.problem().isEmpty() ? "" : ": " + ipc.problem()));
            return null;
        }
        System.out.println("IPC " + ipc.role() + ", hub " + status.endpoint() + ": "
                + (status.connected() ? "connected" : "not connected") + "; this link: " + status.framesIn()
                + " frames in, " + status.framesOut() + " out, " + status.valuesCoalesced() + " values coalesced");
        List<InstanceInfo> hubView = ipc.hubInstances();
        boolean fromHub = !hubView.isEmpty();
        ShellTable table = new ShellTable().emptyTableText("no instances");
        table.column("Instance");
        table.column("Ids").alignRight();
        table.column("Last heartbeat");
        table.column("Frames in").alignRight();
        table.column("Frames out").alignRight();
        table.column("Bytes in").alignRight();
        table.column("Bytes out").alignRight();
        table.column("Coalesced").alignRight();
        table.column("Owns");
        for (InstanceInfo i : fromHub ? hubView : status.instances()) {
            table.addRow().addContent(i.instanceId(), i.ids().size(), time(i.lastSeenMillis()), count(i.framesIn()),
                    count(i.framesOut()), count(i.bytesIn()), count(i.bytesOut()), count(i.valuesCoalesced()),
                    abbreviate(i.ids()));
        }
        table.print(System.out, !noFormat);
        return null;
    }

    private static String time(long millis) {
        return millis <= 0 ? "" : LocalTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault())
                .withNano(0).toString();
    }

    private static String count(long n) {
        return n < 0 ? "" : Long.toString(n);
    }

    private static String abbreviate(List<String> ids) {
        String all = String.join(", ", ids);
        return all.length() > 80 ? all.substring(0, 77) + "..." : all;
    }
}
