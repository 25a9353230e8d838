package org.kervi.api.hardware;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A 1-Wire device as the Linux kernel exposes it ({@code /sys/bus/w1/devices/<id>/w1_slave}). The driver parses the
 * text (a DS18B20 gives two lines: CRC check and temperature).
 */
@ProviderType
public interface OneWireDevice {
    String deviceId();

    /** The current text of the device file; reading it makes the chip measure. */
    String read() throws HardwareException;
}
