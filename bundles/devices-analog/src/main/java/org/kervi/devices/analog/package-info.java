/** Drivers for analog inputs: the ADS1115 16-bit ADC on I2C, per channel in volts or calibrated to percent. */
@Export
@Version("1.0.0")
package org.kervi.devices.analog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
