package org.kervi.devices.pi4j.mock;

import com.pi4j.context.Context;
import java.nio.file.Path;
import org.kervi.api.hardware.Hardware;
import org.kervi.devices.pi4j.internal.MockHardwareFactory;

/**
 * {@link Hardware} on a fresh Pi4J mock context, for a driver's unit tests outside OSGi. Queue the bytes a driver
 * will read through the driver's own {@code I2cDevice} ({@code writeRegister} on the mock fills the read queue), and
 * move mock pins through {@link #context()}. Close it after the test.
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

    @Override
    public void close() {
        context.shutdown();
    }
}
