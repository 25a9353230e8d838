/** Drivers for environment sensors: BME280 and BH1750 on I2C, DS18B20 on 1-Wire. */
@Export
@Version("1.1.0")
package org.kervi.devices.environment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
