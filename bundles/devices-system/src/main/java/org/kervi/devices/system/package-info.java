/** Sensor drivers for the host system (CPU, memory, disk, network), measured with OSHI. */
@Export
@Version("1.0.0")
package org.kervi.devices.system;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
