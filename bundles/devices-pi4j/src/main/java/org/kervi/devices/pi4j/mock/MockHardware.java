package org.kervi.devices.pi4j.mock;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.pwm.Pwm;
import java.nio.file.Path;
import java.util.function.ToIntFunction;
import org.kervi.api.hardware.Hardware;
import org.kervi.devices.pi4j.internal.MockHardwareFactory;

/**
 * {@link Hardware} on a fresh Pi4J mock context, for a driver's unit tests outside OSGi. Queue the bytes a driver
 * will read through the driver's own {@code I2cDevice} ({@code writeRegister} on the mock fills the read queue), and
 * move mock pins through {@link #context()}; read what a driver drove with {@link #isOutputHigh(int)} and
 * {@link #pwmDutyCycle(int)}. Close it after the test.
 */
public final class MockHardware implements AutoCloseable {
    private final Context context;
    private final Hardware hardware;

    private MockHardware(Context context, Hardware hardware) {
        this.context = context;
        this.hardware = hardware;
    }

    /** 1-Wire devices are read under {@code oneWireDevices}, as the kernel's {@code /sys/bus/w1/devices}. */
    public static MockHardware create(Path oneWireDevices) {
        Context context = MockHardwareFactory.mockContext();
        return new MockHardware(context, MockHardwareFactory.hardware(context, oneWireDevices));
    }

    public Hardware hardware() {
        return hardware;
    }

    /** The Pi4J context, for the mock's own handles (e.g. {@code MockDigitalInput.mockState}). */
    public Context context() {
        return context;
    }

    /** The state of the mock GPIO output on {@code pin}, as the driver left it; the pin must be open. */
    public boolean isOutputHigh(int pin) {
        return open(DigitalOutput.class, output -> output.config().address(), pin).isHigh();
    }

    /** The duty cycle in percent of the mock PWM {@code channel}, 0 while it is off; the channel must be open. */
    public double pwmDutyCycle(int channel) {
        Pwm pwm = open(Pwm.class, p -> p.config().address(), channel);
        return pwm.isOn() ? pwm.dutyCycle() : 0;
    }

    private <T extends IO<?, ?, ?>> T open(Class<T> type, ToIntFunction<T> addressOf, int address) {
        return context.registry().allByType(type).values().stream()
                .filter(io -> addressOf.applyAsInt(io) == address)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no " + type.getSimpleName() + " open on " + address + " in the mock context"));
    }

    @Override
    public void close() {
        context.shutdown();
    }
}
