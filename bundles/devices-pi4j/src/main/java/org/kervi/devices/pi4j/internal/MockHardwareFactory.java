package org.kervi.devices.pi4j.internal;

import com.pi4j.context.Context;
import java.nio.file.Path;
import org.kervi.api.hardware.Hardware;

/** Lets the exported test helper build the internal implementation without making it public. */
public final class MockHardwareFactory {
    private MockHardwareFactory() {}

    public static Context mockContext() {
        return Pi4jContexts.mock();
    }

    public static Hardware hardware(Context context, Path oneWireDevices) {
        return new Pi4jHardware(context, PlatformChoice.MOCK.configName(), oneWireDevices);
    }
}
