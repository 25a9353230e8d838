/**
 * How a transport plugs into Kervi IPC: a bundle registers a {@link org.kervi.ipc.spi.TransportProvider} service
 * with the service property {@value org.kervi.ipc.spi.TransportProvider#NAME} = its name, and pid
 * {@code org.kervi.ipc} selects it with {@code transport = <name>}. The bridge, the core and the shell need no
 * change for a new transport.
 */
@Export
@Version("1.0.0")
package org.kervi.ipc.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
