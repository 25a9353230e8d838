package org.kervi.shell.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.kervi.api.status.TransportStatus;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.kervi.api.status.IpcStatus;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.status.ApplicationModules;
import org.kervi.api.status.ModuleStatus;

@Service
@Command(scope = "kervi", name = "instances", description = "Lists the Kervi instances linked over IPC: the host"
        + " each runs on, how it came in (root, spawned by the application, joined from elsewhere), ids they own,"
        + " last heartbeat, traffic")
public class InstancesCommand implements Action {
    @Reference(optional = true)
    IpcStatus ipc;

    @Reference(optional = true)
    KerviRegistry registry;

    /** Present in the root instance only: tells the module instances it spawned from those that joined. */
    @Reference(optional = true)
    ApplicationModules application;

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
        String transport = ipc.transportName();
        System.out.println("IPC " + ipc.role() + " over " + transport + ", " + ("mqtt".equals(transport) ? "broker "
                : "hub ") + status.endpoint() + ": "
                + (status.connected() ? "connected" : "not connected") + "; this link: " + status.framesIn()
                + " frames in, " + status.framesOut() + " out, " + status.valuesCoalesced() + " values coalesced");
        List<InstanceInfo> hubView = ipc.hubInstances();
        boolean fromHub = !hubView.isEmpty();
        String thisInstance = registry == null ? "" : registry.instanceId();
        Set<String> moduleNames = moduleNames();
        ShellTable table = new ShellTable().emptyTableText("no instances");
        table.column("Instance");
        table.column("Ids").alignRight();
        table.column("Host");
        table.column("Origin");
        table.column("Transport");
        table.column("Last heartbeat");
        table.column("Frames in").alignRight();
        table.column("Frames out").alignRight();
        table.column("Bytes in").alignRight();
        table.column("Bytes out").alignRight();
        table.column("Coalesced").alignRight();
        table.column("Owns");
        for (InstanceInfo i : fromHub ? hubView : status.instances()) {
            table.addRow().addContent(i.instanceId(), i.ids().size(), i.host(), InstanceOrigin.of(i.instanceId(),
                    thisInstance, moduleNames).toString(), transport, time(i.lastSeenMillis()), count(i.framesIn()),
                    count(i.framesOut()), count(i.bytesIn()), count(i.bytesOut()), count(i.valuesCoalesced()),
                    abbreviate(i.ids()));
        }
        table.print(System.out, !noFormat);
        return null;
    }

    /** The application's module names in the root, null elsewhere (or when the supervisor does not answer). */
    private Set<String> moduleNames() {
        if (application == null) {
            return null;
        }
        try {
            return application.modules().stream().map(ModuleStatus::name).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return null;
        }
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
