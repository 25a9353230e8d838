package org.kervi.devices.motion.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kervi.api.Ids;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.components.Sensor;
import org.kervi.api.components.SensorDriver;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.I2cDevice;
import org.kervi.devices.motion.AccelerometerRange;
import org.kervi.devices.motion.GyroscopeRange;
import org.kervi.devices.motion.Mpu6050;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * An MPU6050 declared by a configuration of factory pid {@value #PID}: registers its three sensors as Kervi
 * components and holds the I2C device while active.
 */
@Component(service = {}, configurationPid = ConfiguredMpu6050.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = Mpu6050Config.class, factory = true)
public final class ConfiguredMpu6050 {
    static final String PID = "org.kervi.devices.mpu6050";

    private final I2cDevice device;
    private final List<ServiceRegistration<KerviComponent>> sensors = new ArrayList<>();

    @Activate
    public ConfiguredMpu6050(BundleContext bundles, @Reference Hardware hardware, Mpu6050Config config)
            throws HardwareException {
        String id = Ids.requireValid(config.id(), "sensor id prefix");
        String name = config.name().isBlank() ? id : config.name();
        AccelerometerRange accelerometer = parse(AccelerometerRange.class, config.accelerometerRange(), id);
        GyroscopeRange gyroscope = parse(GyroscopeRange.class, config.gyroscopeRange(), id);
        if (config.pollMillis() <= 0) {
            throw new IllegalArgumentException("MPU6050 " + id + ": poll interval " + config.pollMillis()
                    + " ms is not positive");
        }
        this.device = hardware.i2cDevice(config.bus(), parseAddress(config.address(), id));
        Mpu6050 mpu = Mpu6050.on(device, accelerometer, gyroscope);
        Duration interval = Duration.ofMillis(config.pollMillis());
        register(bundles, new Sensor(id + "_acceleration", name + " acceleration", mpu.accelerometer()), interval);
        register(bundles, new Sensor(id + "_rotation", name + " rotation", mpu.gyroscope()), interval);
        register(bundles, new Sensor(id + "_temperature", name + " temperature", mpu.temperature()), interval);
    }

    private void register(BundleContext bundles, Sensor sensor, Duration interval) {
        sensor.pollInterval(interval);
        sensors.add(bundles.registerService(KerviComponent.class, sensor, null));
    }

    @Deactivate
    void deactivate() {
        sensors.forEach(ServiceRegistration::unregister);
        device.close();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String id) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MPU6050 " + id + ": " + type.getSimpleName() + " '" + text
                    + "' is none of " + List.of(type.getEnumConstants()), e);
        }
    }

    private static int parseAddress(String text, String id) {
        try {
            return Integer.decode(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MPU6050 " + id + ": address '" + text + "' is not a number", e);
        }
    }
}
