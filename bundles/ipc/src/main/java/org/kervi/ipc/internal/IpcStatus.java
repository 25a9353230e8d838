package org.kervi.ipc.internal;

import java.util.List;
import org.kervi.ipc.api.TransportStatus;
import org.kervi.ipc.api.TransportStatus.InstanceInfo;

/** What {@code kervi:instances} shows; a service of this bundle only. */
public interface IpcStatus {
    /** hub, client, off, or failed (with {@link #problem()}). */
    String role();

    String problem();

    /** The local transport's view, null when IPC is off. */
    TransportStatus transport();

    /** The hub's view of the connected instances when this instance runs the hub, else empty. */
    List<InstanceInfo> hubInstances();
}
