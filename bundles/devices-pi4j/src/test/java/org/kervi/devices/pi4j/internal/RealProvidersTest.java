package org.kervi.devices.pi4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;
import com.pi4j.provider.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.HardwareException;

/**
 * The gpiod and linuxfs providers in a plain JVM on a machine that is no Raspberry Pi: they construct and join a
 * context without auto-detection; what they cannot do here is refused with the platform, the provider and the fix.
 */
class RealProvidersTest {
    @TempDir
    Path root;

    @Test
    void gpiodProvidersJoinAContextWithoutAutoDetection() {
        assertAllJoin(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance(),
                LinuxFsPwmProvider.newInstance(0), LinuxFsI2CProvider.newInstance(), LinuxFsSpiProvider.newInstance());
    }

    /** Pi4J keeps one provider per kind of I/O in a context, so linuxfs's digital I/O gets a context of its own. */
    @Test
    void linuxFsProvidersJoinAContextWithoutAutoDetection() {
        assertAllJoin(LinuxFsDigitalInputProvider.newInstance(), LinuxFsDigitalOutputProvider.newInstance(),
                LinuxFsPwmProvider.newInstance(2), LinuxFsI2CProvider.newInstance(), LinuxFsSpiProvider.newInstance());
    }

    private static void assertAllJoin(Provider... providers) {
        Context context = Pi4J.newContextBuilder().noAutoDetect().add(providers).build();
        try {
            for (Provider provider : providers) {
                assertTrue(context.providers().exists(provider.id()),
                        provider.id() + " in " + context.providers().all().keySet());
            }
        } finally {
            context.shutdown();
        }
    }

    @Test
    void theGpiodPlatformOnABoardWithItsDeviceNodesUsesEveryProvider() throws Exception {
        for (String node : List.of("dev/gpiochip0", "dev/i2c-1", "dev/spidev0.0", "sys/class/pwm/pwmchip0/export",
                "sys/class/pwm/pwmchip2/export")) {
            Files.createDirectories(root.resolve(node).getParent());
            Files.createFile(root.resolve(node));
        }
        Pi4jSetup setup = Pi4jContexts.create(PlatformChoice.GPIOD, checks(Optional.empty()));
        try {
            assertEquals(List.of(), setup.providers().stream().filter(status -> !status.available()).toList());
            assertEquals(List.of(GpioDDigitalInputProvider.ID, GpioDDigitalOutputProvider.ID, LinuxFsPwmProvider.ID,
                    LinuxFsI2CProvider.ID, LinuxFsSpiProvider.ID),
                    setup.providers().stream().map(ProviderStatus::provider).toList());
            for (ProviderStatus status : setup.providers()) {
                assertTrue(setup.context().providers().exists(status.provider()), status.provider());
            }
        } finally {
            setup.context().shutdown();
        }
    }

    @Test
    void aBusThatIsNotEnabledIsUnavailableWithThePlatformTheProviderAndTheFix() {
        Pi4jSetup setup = Pi4jContexts.create(PlatformChoice.GPIOD, checks(Optional.empty()));
        CheckedHardware hardware = new CheckedHardware(new Pi4jHardware(setup.context(), "gpiod", root),
                setup.providers());
        try {
            HardwareException i2c = assertThrows(HardwareException.class, () -> hardware.i2cDevice(1, 0x76));
            assertEquals(HardwareException.Kind.UNAVAILABLE, i2c.kind());
            assertEquals("i2c bus 1 address 0x76 is not available: I2C is unavailable on platform gpiod (provider"
                    + " linuxfs-i2c): no /dev/i2c-* on this machine: enable it with dtparam=i2c_arm=on in"
                    + " /boot/firmware/config.txt (or raspi-config), then reboot", i2c.getMessage());
            HardwareException gpio = assertThrows(HardwareException.class, () -> hardware.digitalOutput(17));
            assertTrue(gpio.getMessage().startsWith("gpio 17 is not available: digital output is unavailable on"
                    + " platform gpiod (provider gpiod-digital-output): no /dev/gpiochip*"), gpio.getMessage());
            assertEquals("gpiod", hardware.platform());
        } finally {
            setup.context().shutdown();
        }
    }

    @Test
    void aNativeLibraryForAnotherArchitectureIsOneClearSentence() {
        String arch = System.getProperty("os.arch");
        boolean shipped = List.of("aarch64", "arm64", "arm").contains(arch);

        Optional<String> gpiod = NativeLibraries.problem(NativeLibraries.GPIOD);

        assertEquals(!shipped, gpiod.isPresent(), gpiod.toString());
        gpiod.ifPresent(problem -> assertTrue(problem.startsWith("its native library did not load on os.arch " + arch
                + " (Pi4J ships it for aarch64 and armhf only): "), problem));
        assertEquals(gpiod, NativeLibraries.problem(NativeLibraries.GPIOD), "the outcome is kept");
    }

    private ProviderChecks checks(Optional<String> nativeProblem) {
        SystemFiles files = new SystemFiles(root);
        return new ProviderChecks(files, BoardSurvey.of(files), className -> nativeProblem);
    }
}
