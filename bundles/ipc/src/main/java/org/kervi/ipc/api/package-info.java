/**
 * The transport contract of Kervi IPC: one {@link org.kervi.ipc.api.Transport} interface that every transport
 * (the embedded TCP hub client, a later MQTT 5 client) implements, the {@link org.kervi.ipc.api.TransportListener}
 * it reports to, and the records both exchange. The bridge that connects a transport to the core only speaks
 * these types.
 */
@Export
@Version("2.2.0")
package org.kervi.ipc.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
