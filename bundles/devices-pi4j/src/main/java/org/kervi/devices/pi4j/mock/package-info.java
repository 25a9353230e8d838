/** Pi4J's mock platform behind the {@link org.kervi.api.hardware.Hardware} api, for drivers' unit tests. */
@Export
@Version("1.1.0")
package org.kervi.devices.pi4j.mock;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
