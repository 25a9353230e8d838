package org.kervi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.junit.Test;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * {@code kervi-devices-pi4j} with Pi4J's gpiod and linuxfs plugins embedded, on a machine that is no Raspberry Pi
 * (this one, CI's): the feature resolves, the embedded classes and natives are in the bundle, {@code auto} falls back
 * to mock with its warning, and {@code platform = gpiod} keeps running while refusing pins with the reason.
 */
public class HardwarePlatformIT extends KerviTestSupport {
    private static final String BUNDLE = "org.kervi.devices.pi4j";

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Test
    public void theEmbeddedProvidersResolveAndAutoFallsBackToMockOffAPi() throws Exception {
        installFeature("kervi-devices-pi4j");
        try {
            Bundle bundle = findBundle(BUNDLE);
            waitFor(DEFAULT_TIMEOUT, () -> bundle.getState() == Bundle.ACTIVE);
            for (String className : List.of("com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProviderImpl",
                    "com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProviderImpl",
                    "com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpi", "com.pi4j.library.linuxfs.LinuxFile")) {
                assertEquals(className, bundle.loadClass(className).getName());
            }
            for (String library : List.of("lib/aarch64/pi4j-gpiod/libgpiod.so",
                    "lib/aarch64/pi4j-gpiod/libpi4j-gpiod.so", "lib/armhf/pi4j-linuxfs/libpi4j-linuxfs.so")) {
                assertNotNull(library + " inside the bundle", bundle.getEntry(library));
            }
            assertEquals("com.sun.jna", packageProvider(bundle, "com.sun.jna"));

            waitFor(DEFAULT_TIMEOUT, () -> hardware("mock").isPresent());
            String log = executeCommand("log:display");
            assertTrue(log, log.contains("no Raspberry Pi detected (/proc/device-tree/model missing): using the mock"
                    + " platform"));
        } finally {
            uninstallFeature("kervi-devices-pi4j");
        }
    }

    @Test
    public void platformGpiodOffAPiKeepsRunningAndRefusesPinsWithTheReason() throws Exception {
        Configuration config = configAdmin.getConfiguration("org.kervi.hardware", null);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("platform", "gpiod");
        config.update(properties);
        installFeature("kervi-devices-pi4j");
        try {
            waitFor(DEFAULT_TIMEOUT, () -> hardware("gpiod").isPresent());
            Hardware hardware = hardware("gpiod").orElseThrow();

            HardwareException gpio = assertThrows(HardwareException.class, () -> hardware.digitalInput(17));
            assertEquals(HardwareException.Kind.UNAVAILABLE, gpio.kind());
            assertTrue(gpio.getMessage(), gpio.getMessage().startsWith("gpio 17 is not available: digital input is"
                    + " unavailable on platform gpiod (provider gpiod-digital-input): its native library did not load"
                    + " on os.arch " + System.getProperty("os.arch")
                    + " (Pi4J ships it for aarch64 and armhf only): IllegalStateException: "));
            HardwareException i2c = assertThrows(HardwareException.class, () -> hardware.i2cDevice(1, 0x76));
            assertTrue(i2c.getMessage(), i2c.getMessage().contains("(provider linuxfs-i2c)"));
            // asked again, the same sentence: no NoClassDefFoundError after the first failed class initialisation
            HardwareException again = assertThrows(HardwareException.class, () -> hardware.digitalInput(17));
            assertEquals(gpio.getMessage(), again.getMessage());
            assertEquals(Bundle.ACTIVE, findBundle(BUNDLE).getState());
        } finally {
            config.delete();
            uninstallFeature("kervi-devices-pi4j");
        }
    }

    private Optional<Hardware> hardware(String platform) {
        ServiceReference<Hardware> reference = bundleContext.getServiceReference(Hardware.class);
        if (reference == null) {
            return Optional.empty();
        }
        Hardware hardware = bundleContext.getService(reference);
        return hardware != null && platform.equals(hardware.platform()) ? Optional.of(hardware) : Optional.empty();
    }

    private static String packageProvider(Bundle bundle, String packageName) {
        for (BundleWire wire : bundle.adapt(BundleWiring.class).getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
            if (packageName.equals(wire.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                return wire.getProvider().getSymbolicName();
            }
        }
        return "no wire for " + packageName;
    }
}
