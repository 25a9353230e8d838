package org.kervi.devices.pi4j.internal;

import java.util.List;
import org.kervi.api.hardware.DigitalInput;
import org.kervi.api.hardware.DigitalOutput;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.hardware.OneWireDevice;
import org.kervi.api.hardware.Pull;
import org.kervi.api.hardware.PwmOutput;
import org.kervi.api.hardware.SpiDevice;

/**
 * Answers {@link HardwareException.Kind#UNAVAILABLE} with the provider's own reason and fix for the kinds of I/O whose
 * provider was left out of the context, and passes everything else on.
 */
final class CheckedHardware implements Hardware {
    private final Hardware hardware;
    private final List<ProviderStatus> providers;

    CheckedHardware(Hardware hardware, List<ProviderStatus> providers) {
        this.hardware = hardware;
        this.providers = List.copyOf(providers);
    }

    List<ProviderStatus> providers() {
        return providers;
    }

    @Override
    public String platform() {
        return hardware.platform();
    }

    @Override
    public DigitalInput digitalInput(int pin) throws HardwareException {
        require(IoKind.DIGITAL_INPUT, "gpio " + pin);
        return hardware.digitalInput(pin);
    }

    @Override
    public DigitalInput digitalInput(int pin, Pull pull) throws HardwareException {
        require(IoKind.DIGITAL_INPUT, "gpio " + pin);
        return hardware.digitalInput(pin, pull);
    }

    @Override
    public DigitalOutput digitalOutput(int pin) throws HardwareException {
        require(IoKind.DIGITAL_OUTPUT, "gpio " + pin);
        return hardware.digitalOutput(pin);
    }

    @Override
    public DigitalOutput digitalOutput(int pin, boolean initialHigh) throws HardwareException {
        require(IoKind.DIGITAL_OUTPUT, "gpio " + pin);
        return hardware.digitalOutput(pin, initialHigh);
    }

    @Override
    public PwmOutput pwmOutput(int channel) throws HardwareException {
        require(IoKind.PWM, "pwm " + channel);
        return hardware.pwmOutput(channel);
    }

    @Override
    public I2cDevice i2cDevice(int bus, int address) throws HardwareException {
        require(IoKind.I2C, Pi4jI2cDevice.describe(bus, address));
        return hardware.i2cDevice(bus, address);
    }

    @Override
    public SpiDevice spiDevice(int bus, int chipSelect) throws HardwareException {
        require(IoKind.SPI, "spi " + bus + "." + chipSelect);
        return hardware.spiDevice(bus, chipSelect);
    }

    @Override
    public OneWireDevice oneWireDevice(String deviceId) throws HardwareException {
        return hardware.oneWireDevice(deviceId);
    }

    private void require(IoKind kind, String what) throws HardwareException {
        for (ProviderStatus status : providers) {
            if (status.kind() == kind && !status.available()) {
                throw new HardwareException(HardwareException.Kind.UNAVAILABLE,
                        what + " is not available: " + status.describe());
            }
        }
    }
}
