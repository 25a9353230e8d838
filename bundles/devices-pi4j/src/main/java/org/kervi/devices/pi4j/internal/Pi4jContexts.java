package org.kervi.devices.pi4j.internal;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;

/**
 * Builds Pi4J contexts with their providers named one by one. Pi4J's auto-detection uses
 * {@link java.util.ServiceLoader} on the thread context class loader, which finds nothing inside OSGi, so it is always
 * switched off.
 */
final class Pi4jContexts {
    private Pi4jContexts() {}

    /** The platform that {@code choice} stands for on this machine. */
    static PlatformChoice resolve(PlatformChoice choice) {
        if (choice == PlatformChoice.AUTO) {
            // gpiod and linuxfs are not embedded yet (issue #11): auto means mock until they are
            return PlatformChoice.MOCK;
        }
        return choice;
    }

    static Context create(PlatformChoice choice) {
        PlatformChoice platform = resolve(choice);
        if (platform != PlatformChoice.MOCK) {
            throw new UnsupportedOperationException("platform '" + platform.configName()
                    + "' is not available yet: this build embeds only Pi4J's mock platform");
        }
        return mock();
    }

    static Context mock() {
        return Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance(),
                        MockI2CProvider.newInstance(),
                        MockSpiProvider.newInstance())
                .build();
    }
}
