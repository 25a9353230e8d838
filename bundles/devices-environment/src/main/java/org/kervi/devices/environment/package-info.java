/** Drivers for environment sensors on I2C (temperature, pressure, humidity). */
@Export
@Version("1.0.0")
package org.kervi.devices.environment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
