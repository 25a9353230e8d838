package org.kervi.api.hardware;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The hardware of this instance, one service per instance. Pin and channel numbers are the platform's own (BCM
 * numbers on a Raspberry Pi); bus and address come from the driver's configuration. A pin or device is held until it
 * is closed; opening a pin that is already held fails with {@link HardwareException.Kind#UNAVAILABLE}.
 */
@ProviderType
public interface Hardware {
    /** The platform in use: {@code mock}, {@code gpiod}, {@code linuxfs}. */
    String platform();

    DigitalInput digitalInput(int pin) throws HardwareException;

    DigitalOutput digitalOutput(int pin) throws HardwareException;

    PwmOutput pwmOutput(int channel) throws HardwareException;

    I2cDevice i2cDevice(int bus, int address) throws HardwareException;

    SpiDevice spiDevice(int bus, int chipSelect) throws HardwareException;

    /** A 1-Wire device by its id as the kernel names it, e.g. {@code 28-0316a2794eff}. */
    OneWireDevice oneWireDevice(String deviceId) throws HardwareException;
}
