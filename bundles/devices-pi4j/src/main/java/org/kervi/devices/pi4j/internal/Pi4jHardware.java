package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.io.spi.Spi;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.hardware.OneWireDevice;
import org.kervi.api.hardware.Pull;
import org.kervi.api.hardware.PwmOutput;
import org.kervi.api.hardware.SpiDevice;

/** {@link Hardware} over one Pi4J context; the context's owner shuts it down, which releases every pin. */
final class Pi4jHardware implements Hardware {
    private final Context context;
    private final String platform;
    private final Path oneWireDevices;

    Pi4jHardware(Context context, String platform, Path oneWireDevices) {
        this.context = context;
        this.platform = platform;
        this.oneWireDevices = oneWireDevices;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public org.kervi.api.hardware.DigitalInput digitalInput(int pin) throws HardwareException {
        return digitalInput(pin, Pull.OFF);
    }

    @Override
    public org.kervi.api.hardware.DigitalInput digitalInput(int pin, Pull pull) throws HardwareException {
        DigitalInput input = open("gpio " + pin, () -> context.create(DigitalInput.newConfigBuilder(context)
                .id(gpioId(pin)).address(pin).pull(pullResistance(pull))));
        return new Pi4jDigitalInput(context, input, pin);
    }

    private static PullResistance pullResistance(Pull pull) {
        return switch (pull) {
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
            case OFF -> PullResistance.OFF;
        };
    }

    @Override
    public org.kervi.api.hardware.DigitalOutput digitalOutput(int pin) throws HardwareException {
        return digitalOutput(pin, false);
    }

    @Override
    public org.kervi.api.hardware.DigitalOutput digitalOutput(int pin, boolean initialHigh) throws HardwareException {
        DigitalState initial = DigitalState.getState(initialHigh);
        DigitalOutput output = open("gpio " + pin, () -> context.create(DigitalOutput.newConfigBuilder(context)
                .id(gpioId(pin)).address(pin).initial(initial).shutdown(initial)));
        return new Pi4jDigitalOutput(context, output, pin);
    }

    @Override
    public PwmOutput pwmOutput(int channel) throws HardwareException {
        Pwm pwm = open("pwm " + channel, () -> context.create(Pwm.newConfigBuilder(context)
                .id("pwm-" + channel).address(channel).pwmType(PwmType.HARDWARE).initial(0).shutdown(0)));
        return new Pi4jPwmOutput(context, pwm, channel);
    }

    @Override
    public I2cDevice i2cDevice(int bus, int address) throws HardwareException {
        String where = Pi4jI2cDevice.describe(bus, address);
        I2C i2c = open(where, () -> context.create(I2C.newConfigBuilder(context)
                .id(String.format("i2c-%d-0x%02x", bus, address)).bus(bus).device(address)));
        return new Pi4jI2cDevice(context, i2c, bus, address);
    }

    @Override
    public SpiDevice spiDevice(int bus, int chipSelect) throws HardwareException {
        Spi spi = open("spi " + bus + "." + chipSelect, () -> context.create(Spi.newConfigBuilder(context)
                .id("spi-" + bus + "-" + chipSelect).bus(bus).channel(chipSelect)));
        return new Pi4jSpiDevice(context, spi, bus, chipSelect);
    }

    @Override
    public OneWireDevice oneWireDevice(String deviceId) throws HardwareException {
        return SysfsOneWireDevice.open(oneWireDevices, deviceId);
    }

    private static String gpioId(int pin) {
        return "gpio-" + pin;
    }

    /** Pi4J reports an unknown or taken pin with unchecked exceptions of its own. */
    private static <T> T open(String what, Supplier<T> creation) throws HardwareException {
        try {
            return creation.get();
        } catch (RuntimeException e) {
            throw new HardwareException(HardwareException.Kind.UNAVAILABLE,
                    what + " is not available: " + e.getMessage(), e);
        }
    }
}
