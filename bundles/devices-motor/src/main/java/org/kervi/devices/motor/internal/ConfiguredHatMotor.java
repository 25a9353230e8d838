package org.kervi.devices.motor.internal;

import org.kervi.api.Ids;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.motor.DcMotor;
import org.kervi.devices.motor.DcMotorController;
import org.kervi.devices.motor.MotorHat;
import org.kervi.devices.motor.StopMode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** A Motor HAT motor declared by a configuration of factory pid {@value #PID}. */
@Component(service = KerviComponent.class, configurationPid = ConfiguredHatMotor.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MotorHatConfig.class, factory = true)
public final class ConfiguredHatMotor extends DcMotorController {
    static final String PID = "org.kervi.devices.motorhat";

    private final Pca9685Pool.Lease chip;

    @Activate
    public ConfiguredHatMotor(@Reference Pca9685Pool pool, MotorHatConfig config) throws HardwareException {
        this(checked(config), StopModes.parse(config.stop(), "motor " + config.id()), pool.acquire(config.bus(),
                Addresses.parse(config.address(), "address"), MotorHat.FREQUENCY, "motor " + config.id()));
    }

    private ConfiguredHatMotor(MotorHatConfig config, StopMode stop, Pca9685Pool.Lease chip) {
        super(config.id(), config.name(), motor(config, stop, chip));
        this.chip = chip;
    }

    private static DcMotor motor(MotorHatConfig config, StopMode stop, Pca9685Pool.Lease chip) {
        try {
            return MotorHat.on(chip.pwm()).motor(config.motor(), stop);
        } catch (IllegalArgumentException e) {
            chip.close();
            throw e;
        }
    }

    /** The id is checked before any pin or chip is taken, so that a bad one leaks nothing. */
    private static MotorHatConfig checked(MotorHatConfig config) {
        Ids.requireValid(config.id(), "component");
        return config;
    }

    @Deactivate
    void release() {
        chip.close();
    }
}
