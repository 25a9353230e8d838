package org.kervi.devices.motor.internal;

import org.kervi.api.Ids;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.motor.Pca9685;
import org.kervi.devices.motor.ServoController;
import org.kervi.devices.motor.ServoSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** A servo declared by a configuration of factory pid {@value #PID}. */
@Component(service = KerviComponent.class, configurationPid = ConfiguredServo.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ServoConfig.class, factory = true)
public final class ConfiguredServo extends ServoController {
    static final String PID = "org.kervi.devices.servo";

    private final Pca9685Pool.Lease chip;

    @Activate
    public ConfiguredServo(@Reference Pca9685Pool pool, ServoConfig config) throws HardwareException {
        this(checked(config), settings(config), pool.acquire(config.bus(), Addresses.parse(config.address(), "address"),
                Pca9685.SERVO_FREQUENCY, "servo " + config.id()));
    }

    private ConfiguredServo(ServoConfig config, ServoSettings settings, Pca9685Pool.Lease chip) {
        super(config.id(), config.name(), chip.pwm(), config.channel(), settings);
        this.chip = chip;
    }

    /** Checks everything before the chip is taken. */
    private static ServoSettings settings(ServoConfig config) {
        if (config.channel() < 0 || config.channel() > 15) {
            throw new IllegalArgumentException(
                    "servo " + config.id() + ": PCA9685 channel " + config.channel() + " is outside 0–15");
        }
        return new ServoSettings(config.minPulseMillis(), config.maxPulseMillis(), config.maxDegrees());
    }

    /** The id is checked before any pin or chip is taken, so that a bad one leaks nothing. */
    private static ServoConfig checked(ServoConfig config) {
        Ids.requireValid(config.id(), "component");
        return config;
    }

    @Deactivate
    void release() {
        chip.close();
    }
}
