/** Drivers for motion sensors on I2C: the MPU6050 accelerometer and gyroscope as multi-dimension sensors. */
@Export
@Version("1.0.0")
package org.kervi.devices.motion;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
