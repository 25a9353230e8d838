package org.kervi.api.status;

import java.util.List;
import org.kervi.api.status.TransportStatus.InstanceInfo;
import org.osgi.annotation.versioning.ProviderType;

/** The IPC link of this instance, for {@code kervi:instances}; a service of the {@code kervi-ipc} bundle. */
@ProviderType
public interface IpcStatus {
    /** hub, client, off, or failed (with {@link #problem()}). */
    String role();

    String problem();

    /** The transport linking the instances: {@code tcp} (the hub) or {@code mqtt} (a broker). */
    default String transportName() {
        return "tcp";
    }

    /** The local transport's view, null when IPC is off. */
    TransportStatus transport();

    /** The hub's view of the connected instances when this instance runs the hub, else empty. */
    List<InstanceInfo> hubInstances();
}
