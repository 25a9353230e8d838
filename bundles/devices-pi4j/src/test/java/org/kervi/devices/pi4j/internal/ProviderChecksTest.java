package org.kervi.devices.pi4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks that keep a provider that cannot work here out of the context, on a folder standing in for {@code /}. */
class ProviderChecksTest {
    @TempDir
    Path root;

    @Test
    void missingDeviceNodesNameTheConfigLineThatEnablesThem() {
        ProviderChecks checks = checks(Optional.empty());

        assertTrue(checks.i2c().orElseThrow().contains("no /dev/i2c-* on this machine: enable it with"
                + " dtparam=i2c_arm=on in /boot/firmware/config.txt"), checks.i2c().orElseThrow());
        assertTrue(checks.spi().orElseThrow().contains("dtparam=spi=on"), checks.spi().orElseThrow());
        assertTrue(checks.pwm(2).orElseThrow().startsWith("/sys/class/pwm/pwmchip2 is missing: add"
                + " dtoverlay=pwm-2chan"), checks.pwm(2).orElseThrow());
        assertTrue(checks.gpiod().orElseThrow().startsWith("no /dev/gpiochip* on this machine"),
                checks.gpiod().orElseThrow());
        assertTrue(checks.sysfsGpio().orElseThrow().contains("use platform gpiod"), checks.sysfsGpio().orElseThrow());
    }

    @Test
    void presentDeviceNodesPass() throws Exception {
        node("dev/gpiochip0");
        node("dev/i2c-1");
        node("dev/spidev0.0");
        node("sys/class/pwm/pwmchip0/export");
        node("sys/class/gpio/export");
        ProviderChecks checks = checks(Optional.empty());

        assertEquals(Optional.empty(), checks.gpiod());
        assertEquals(Optional.empty(), checks.i2c());
        assertEquals(Optional.empty(), checks.spi());
        assertEquals(Optional.empty(), checks.pwm(0));
        assertEquals(Optional.empty(), checks.sysfsGpio());
    }

    @Test
    void aNativeLibraryThatDidNotLoadComesBeforeTheDeviceNodes() throws Exception {
        node("dev/gpiochip0");
        ProviderChecks checks = checks(Optional.of("its native library did not load"));

        assertEquals(Optional.of("its native library did not load"), checks.gpiod());
        assertEquals(Optional.of("its native library did not load"), checks.i2c());
    }

    /** The tests run as root, who may open any file: a dangling link stands in for a node this user may not open. */
    @Test
    void aDeviceNodeThatCannotBeOpenedNamesTheGroupToJoin() throws Exception {
        Files.createDirectories(root.resolve("dev"));
        Files.createSymbolicLink(root.resolve("dev/gpiochip0"), root.resolve("nowhere"));
        Files.createSymbolicLink(root.resolve("dev/i2c-1"), root.resolve("nowhere"));
        ProviderChecks checks = checks(Optional.empty());

        assertEquals(Optional.of("no read/write permission on /dev/gpiochip0: add the user that runs Kervi to group"
                + " gpio (sudo usermod -aG gpio USER), then log in again or restart the service"), checks.gpiod());
        assertTrue(checks.i2c().orElseThrow().contains("to group i2c (sudo usermod -aG i2c USER)"),
                checks.i2c().orElseThrow());
    }

    private ProviderChecks checks(Optional<String> nativeProblem) {
        SystemFiles files = new SystemFiles(root);
        return new ProviderChecks(files, BoardSurvey.of(files), className -> nativeProblem);
    }

    private void node(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.createFile(file);
    }
}
