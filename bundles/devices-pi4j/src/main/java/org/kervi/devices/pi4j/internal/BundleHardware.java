package org.kervi.devices.pi4j.internal;

import org.kervi.api.hardware.DigitalInput;
import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.hardware.OneWireDevice;
import org.kervi.api.hardware.Pull;
import org.kervi.api.hardware.PwmOutput;
import org.kervi.api.hardware.SpiDevice;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link Hardware} service as each bundle gets it (one instance per using bundle): passes every call to the one
 * context's hardware and notes which bundle opened what, so that {@code kervi:hardware} can name the driver.
 */
@Component(service = Hardware.class, scope = ServiceScope.BUNDLE)
public final class BundleHardware implements Hardware {
    private final Hardware hardware;
    private final IoOwners owners;
    private final String user;

    @Activate
    public BundleHardware(@Reference Pi4jPlatform platform, ComponentContext component) {
        this(platform.hardware(), platform.owners(), component.getUsingBundle().getSymbolicName());
    }

    BundleHardware(Hardware hardware, IoOwners owners, String user) {
        this.hardware = hardware;
        this.owners = owners;
        this.user = user;
    }

    @Override
    public String platform() {
        return hardware.platform();
    }

    @Override
    public DigitalInput digitalInput(int pin) throws HardwareException {
        return noted(IoOwners.gpio(pin), hardware.digitalInput(pin));
    }

    @Override
    public DigitalInput digitalInput(int pin, Pull pull) throws HardwareException {
        return noted(IoOwners.gpio(pin), hardware.digitalInput(pin, pull));
    }

    @Override
    public DigitalOutput digitalOutput(int pin) throws HardwareException {
        return noted(IoOwners.gpio(pin), hardware.digitalOutput(pin));
    }

    @Override
    public DigitalOutput digitalOutput(int pin, boolean initialHigh) throws HardwareException {
        return noted(IoOwners.gpio(pin), hardware.digitalOutput(pin, initialHigh));
    }

    @Override
    public PwmOutput pwmOutput(int channel) throws HardwareException {
        return noted(IoOwners.pwm(channel), hardware.pwmOutput(channel));
    }

    @Override
    public I2cDevice i2cDevice(int bus, int address) throws HardwareException {
        return noted(IoOwners.i2c(bus, address), hardware.i2cDevice(bus, address));
    }

    @Override
    public SpiDevice spiDevice(int bus, int chipSelect) throws HardwareException {
        return noted(IoOwners.spi(bus, chipSelect), hardware.spiDevice(bus, chipSelect));
    }

    @Override
    public OneWireDevice oneWireDevice(String deviceId) throws HardwareException {
        return hardware.oneWireDevice(deviceId);
    }

    private <T> T noted(String address, T opened) {
        owners.opened(address, user);
        return opened;
    }
}
