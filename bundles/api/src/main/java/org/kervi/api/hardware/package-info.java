/**
 * What a device driver receives to talk to hardware: pins, PWM channels and bus devices, obtained by number from the
 * {@link org.kervi.api.hardware.Hardware} service. Drivers never construct platform (Pi4J) objects, so they can be
 * tested on a mock platform and a second backend can be added later. {@link org.kervi.api.hardware.HardwareStatus} and
 * {@link org.kervi.api.hardware.MockPins} serve the shell ({@code kervi:hardware}, {@code kervi:i2c-scan},
 * {@code kervi:hardware-mock}).
 */
@Export
@Version("1.1.0")
package org.kervi.api.hardware;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
