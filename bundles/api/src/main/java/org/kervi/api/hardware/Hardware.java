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

    /**
     * A digital input with its pull resistor set. A platform that cannot set pull resistors gives {@link Pull#OFF}
     * only and fails with {@link HardwareException.Kind#UNAVAILABLE} otherwise.
     */
    default DigitalInput digitalInput(int pin, Pull pull) throws HardwareException {
        if (pull != Pull.OFF) {
            throw new HardwareException(HardwareException.Kind.UNAVAILABLE,
                    "gpio " + pin + ": platform " + platform() + " cannot set a pull resistor (pull " + pull + ")");
        }
        return digitalInput(pin);
    }

    /** A digital output that starts low. */
    DigitalOutput digitalOutput(int pin) throws HardwareException;

    /**
     * A digital output that starts at {@code initialHigh} and returns to it when released (a relay board that
     * switches on low starts high, so it never clicks on at start). The default sets the level just after opening.
     */
    default DigitalOutput digitalOutput(int pin, boolean initialHigh) throws HardwareException {
        DigitalOutput output = digitalOutput(pin);
        try {
            output.set(initialHigh);
        } catch (HardwareException e) {
            output.close();
            throw e;
        }
        return output;
    }

    PwmOutput pwmOutput(int channel) throws HardwareException;

    I2cDevice i2cDevice(int bus, int address) throws HardwareException;

    SpiDevice spiDevice(int bus, int chipSelect) throws HardwareException;

    /** A 1-Wire device by its id as the kernel names it, e.g. {@code 28-0316a2794eff}. */
    OneWireDevice oneWireDevice(String deviceId) throws HardwareException;
}
