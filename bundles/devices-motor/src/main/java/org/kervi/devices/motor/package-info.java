/**
 * Motors and PWM chips: the PCA9685 16-channel PWM chip, a servo controller and DC motor controllers (Adafruit Motor
 * HAT on a PCA9685, L298 H-bridge on GPIO + PWM).
 */
@Export
@Version("1.0.0")
package org.kervi.devices.motor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
