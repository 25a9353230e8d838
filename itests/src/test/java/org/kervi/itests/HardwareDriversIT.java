package org.kervi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.runtime.KerviRegistry;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The driver features in a real Karaf on Pi4J's mock platform: a DS18B20, an ADS1115 soil probe and a wrong chip
 * where a BME280 should be, as a module would wire them. The wrong chip is a failing sensor with a clear error,
 * shown by {@code kervi:components}; the instance and the other sensors carry on.
 */
public class HardwareDriversIT extends KerviTestSupport {
    @Inject
    protected KerviRegistry registry;

    @Inject
    protected ConfigurationAdmin configurations;

    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.add(editConfigurationFilePut("etc/org.kervi.hardware.cfg", "platform", "mock"));
        options.add(editConfigurationFilePut("etc/org.kervi.hardware.cfg", "oneWireDevices",
                new File("target/hardware-drivers-it/w1").getAbsolutePath()));
        return options.toArray(new Option[0]);
    }

    @Test
    public void driversReadTheMockPlatformAndAWrongChipIsAFailingSensor() throws Exception {
        installFeature("kervi-devices-environment");
        installFeature("kervi-devices-analog");
        ServiceTracker<Hardware, Hardware> tracker = new ServiceTracker<>(bundleContext, Hardware.class, null);
        tracker.open();
        List<ServiceRegistration<KerviComponent>> registrations = new ArrayList<>();
        try {
            Hardware hardware = tracker.waitForService(DEFAULT_TIMEOUT.toMillis());
            assertEquals("mock", hardware.platform());
            Path oneWire = Path.of((String) configurations.getConfiguration("org.kervi.hardware", null)
                    .getProperties().get("oneWireDevices"));
            List<Sensor> sensors = DriverRig.sensors(hardware, oneWire);
            for (Sensor sensor : sensors) {
                registrations.add(bundleContext.registerService(KerviComponent.class, sensor, null));
            }

            waitFor(DEFAULT_TIMEOUT, () -> sensors.get(0).readings() == 1 && sensors.get(1).readings() == 1);
            assertEquals(21.5, value("water_temperature"), 0);
            assertEquals(50.0, value("soil_moisture"), 0.01);

            waitFor(DEFAULT_TIMEOUT, () -> state("air_temperature").equals("failing"));
            List<String> row = IpcIT.row(executeCommand("kervi:components --local --no-format"), "air_temperature");
            assertEquals(row.toString(), "failing", row.get(3));
            assertEquals(row.toString(),
                    "WRONG_CHIP: chip id 0x58 at 0x76 on bus 1 is a BMP280, expected BME280 (0x60)",
                    row.get(8));
            String table = executeCommand("kervi:components --local");
            assertTrue(table, table.contains("water_temperature") && table.contains("started"));
        } finally {
            registrations.forEach(ServiceRegistration::unregister);
            tracker.close();
        }
        waitFor(DEFAULT_TIMEOUT, () -> registry.components().isEmpty());
    }

    private double value(String id) {
        return (Double) registry.value(id).orElseThrow(() -> new AssertionError("no value " + id)).value().get();
    }

    private String state(String id) {
        return registry.components().stream().filter(c -> c.id().equals(id)).map(c -> c.state()).findFirst()
                .orElse("(no component " + id + ")");
    }
}
