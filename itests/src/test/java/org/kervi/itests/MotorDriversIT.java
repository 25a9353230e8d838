package org.kervi.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Test;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.devices.motion.Mpu6050;
import org.kervi.devices.motor.Pca9685;
import org.kervi.devices.motor.ServoController;
import org.kervi.devices.motor.ServoSettings;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The motor and motion features in the built distribution, on Pi4J's mock platform: a servo controller and an
 * MPU6050 sensor from the installed bundles become Kervi components; {@code kervi:value-set} of the servo's position
 * writes the PCA9685 channel, and the accelerometer's axes appear as {@code tilt.x/y/z}. Servo, L298 motor and
 * MPU6050 declared by factory configurations come and go with them (a missing chip is an error on the servo, the
 * pins are held and released). Uninstalling and installing the two features touches no other bundle.
 */
public class MotorDriversIT extends KerviTestSupport {
    private static final String FEATURES_CFG = "etc/org.apache.karaf.features.cfg";

    @Inject
    protected KerviRegistry registry;

    @Inject
    protected Hardware hardware;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(editConfigurationFilePut("etc/org.kervi.hardware.cfg", "platform", "mock"));
        options.add(editConfigurationFileExtend(FEATURES_CFG, "featuresBoot",
                "kervi-devices-pi4j,kervi-devices-motor,kervi-devices-motion"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aServoMovesFromTheShellAndTheAccelerometerHasThreeAxes() throws Exception {
        assertEquals(Bundle.ACTIVE, findBundle("org.kervi.devices.motor").getState());
        assertEquals(Bundle.ACTIVE, findBundle("org.kervi.devices.motion").getState());
        assertEquals("mock", hardware.platform());

        try (I2cDevice pwm = hardware.i2cDevice(1, Pca9685.ADDRESS);
                I2cDevice mpu = hardware.i2cDevice(1, Mpu6050.ADDRESS)) {
            pwm.writeRegister(0x00, 0x11);
            ServoController vent = new ServoController("vent", "Vent", Pca9685.on(pwm), 0, ServoSettings.STANDARD);
            mpu.writeRegister(0x75, 0x68);
            mpu.writeRegisters(0x3B, new byte[] {0x40, 0x00, (byte) 0xE0, 0x00, 0x20, 0x00});
            Sensor tilt = new Sensor("tilt", "Tilt", Mpu6050.on(mpu).accelerometer());

            ServiceRegistration<KerviComponent> ventService =
                    bundleContext.registerService(KerviComponent.class, vent, null);
            ServiceRegistration<KerviComponent> tiltService =
                    bundleContext.registerService(KerviComponent.class, tilt, null);
            try {
                waitFor(DEFAULT_TIMEOUT, () -> vent.isStarted() && tilt.readings() > 0);
                // value-set runs inputChanged in this thread, after the start's first move (both hold the controller)
                String set = executeCommand("kervi:value-set vent.position 90");
                assertTrue(set, registry.value("vent.position").isPresent());
                assertEquals("", vent.error().get());
                assertArrayEquals("0° at start", new byte[] {0, 0, (byte) 205, 0}, pwm.readRegisters(0x06, 4));
                assertArrayEquals("90° from the shell", new byte[] {0, 0, 0x33, 0x01}, pwm.readRegisters(0x06, 4));

                String values = executeCommand("kervi:values");
                assertTrue(values, values.contains("tilt.x") && values.contains("tilt.y") && values.contains("tilt.z"));
                assertEquals(1.0, (Double) registry.value("tilt.x").orElseThrow().value().get(), 1e-12);
                assertEquals(-0.5, (Double) registry.value("tilt.y").orElseThrow().value().get(), 1e-12);
            } finally {
                tiltService.unregister();
                ventService.unregister();
            }
            waitFor(Duration.ofSeconds(10), () -> registry.value("vent.position").isEmpty());
        }
        configuredDevicesComeAndGo();
        theFeaturesComeAndGoWithoutTouchingOtherBundles();
    }

    private void configuredDevicesComeAndGo() throws Exception {
        Configuration door = factoryConfiguration("org.kervi.devices.servo", Map.of("id", "door", "address", "0x41",
                "channel", 2));
        Configuration pump = factoryConfiguration("org.kervi.devices.l298", Map.of("id", "pump", "in1", 23,
                "in2", 24, "enable", 0));
        Configuration imu = factoryConfiguration("org.kervi.devices.mpu6050", Map.of("id", "imu",
                "address", "0x69", "accelerometerRange", "G4"));

        waitFor(DEFAULT_TIMEOUT, () -> registry.value("door.error").map(e -> !"".equals(e.value().get()))
                .orElse(false));
        assertTrue("nothing answers at 0x41 on the mock: a bus error on the servo's error output",
                String.valueOf(registry.value("door.error").orElseThrow().value().get()).startsWith("PCA9685: "));
        waitFor(DEFAULT_TIMEOUT, () -> registry.value("pump.speed").isPresent()
                && registry.value("imu_acceleration.z").isPresent());
        executeCommand("kervi:value-set pump.speed -40");
        assertEquals(-40.0, (Double) registry.value("pump.speed").orElseThrow().value().get(), 0);
        assertEquals("", registry.value("pump.error").orElseThrow().value().get());
        assertEquals("the configured motor holds its pins", HardwareException.Kind.UNAVAILABLE,
                assertThrows(HardwareException.class, () -> hardware.digitalOutput(23)).kind());
        String values = executeCommand("kervi:values");
        assertTrue(values, values.contains("imu_rotation.y") && values.contains("imu_temperature"));

        door.delete();
        pump.delete();
        imu.delete();
        waitFor(DEFAULT_TIMEOUT, () -> registry.value("pump.speed").isEmpty()
                && registry.value("door.position").isEmpty() && registry.value("imu_acceleration.x").isEmpty());
        // the components release their pins in @Deactivate, just after their services are gone
        waitFor(DEFAULT_TIMEOUT, () -> free(() -> hardware.digitalOutput(23)) && free(() -> hardware.pwmOutput(0))
                && free(() -> hardware.i2cDevice(1, 0x69)) && free(() -> hardware.i2cDevice(1, 0x41)));
    }

    /** Opening a pin or device is the only way to see that nobody holds it. */
    private static boolean free(Opening opening) {
        try {
            opening.open().close();
            return true;
        } catch (HardwareException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Opening {
        AutoCloseable open() throws HardwareException;
    }

    private Configuration factoryConfiguration(String factoryPid, Map<String, Object> properties) throws Exception {
        Configuration configuration = configurationAdmin.createFactoryConfiguration(factoryPid, "?");
        configuration.update(new Hashtable<>(properties));
        return configuration;
    }

    private void theFeaturesComeAndGoWithoutTouchingOtherBundles() throws Exception {
        Map<Long, String> before = bundleStates();
        Bundle motor = findBundle("org.kervi.devices.motor");
        Bundle motion = findBundle("org.kervi.devices.motion");

        uninstallFeature("kervi-devices-motion");
        uninstallFeature("kervi-devices-motor");

        Map<Long, String> others = new HashMap<>(before);
        others.remove(motor.getBundleId());
        others.remove(motion.getBundleId());
        assertEquals("every other bundle kept its id and state", others, bundleStates());

        installFeature("kervi-devices-motor");
        Bundle again = findBundle("org.kervi.devices.motor");
        assertEquals(Bundle.ACTIVE, again.getState());
        Map<Long, String> afterInstall = bundleStates();
        afterInstall.remove(again.getBundleId());
        assertEquals("installing touched no other bundle", others, afterInstall);
    }
}
