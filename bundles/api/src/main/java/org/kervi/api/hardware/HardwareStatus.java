package org.kervi.api.hardware;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the hardware of this instance is doing, for {@code kervi:hardware} and {@code kervi:i2c-scan}: the platform,
 * its providers, the pins and bus devices held and by whom, and the GPIO channels declared by configuration.
 */
@ProviderType
public interface HardwareStatus {
    /** The platform in use: {@code mock}, {@code gpiod}, {@code linuxfs}. */
    String platform();

    /** The platform's providers, one line each ({@code id: name}). */
    List<String> providers();

    List<IoInUse> inUse();

    /** Every channel configuration ({@code org.kervi.gpio.channel}), working or refused. */
    List<ChannelStatus> channels();

    /**
     * Probes every address 0x03–0x77 of I2C bus {@code bus} as {@code i2cdetect} does. Fails with
     * {@link HardwareException.Kind#UNAVAILABLE} on the mock platform, which has no bus to probe.
     */
    I2cScan scanI2c(int bus) throws HardwareException;
}
