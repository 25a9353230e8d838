package org.kervi.app.internal;

import org.kervi.api.status.IpcStatus;
import org.kervi.api.status.TransportStatus;

/**
 * Whether this instance has lost its broker. Over a broker the instances see each other only through it: while it
 * is out of reach, a silent module or a missing application says nothing about them, so neither side gives up on
 * the other for it. (Over the TCP hub the link is the root itself, and its loss is the root's.)
 */
final class BrokerReach {
    private BrokerReach() {
    }

    static boolean lost(IpcStatus ipc) {
        if (ipc == null || "tcp".equals(ipc.transportName())) {
            return false;
        }
        TransportStatus link = ipc.transport();
        return link != null && !link.connected();
    }
}
