package org.kervi.devices.motor.internal;

import org.kervi.api.Ids;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.hardware.Hardware;
import org.kervi.api.hardware.HardwareException;
import org.kervi.devices.motor.DcMotorController;
import org.kervi.devices.motor.L298;
import org.kervi.devices.motor.StopMode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** An L298 motor declared by a configuration of factory pid {@value #PID}; the pins are held while it is active. */
@Component(service = KerviComponent.class, configurationPid = ConfiguredL298Motor.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = L298Config.class, factory = true)
public final class ConfiguredL298Motor extends DcMotorController {
    static final String PID = "org.kervi.devices.l298";

    private final L298Pins pins;

    @Activate
    public ConfiguredL298Motor(@Reference Hardware hardware, L298Config config) throws HardwareException {
        this(checked(config), StopModes.parse(config.stop(), "motor " + config.id()), L298Pins.open(hardware, config));
    }

    private ConfiguredL298Motor(L298Config config, StopMode stop, L298Pins pins) {
        super(config.id(), config.name(), L298.motor(pins.in1(), pins.in2(), pins.enable(), stop));
        this.pins = pins;
    }

    /** The id is checked before any pin or chip is taken, so that a bad one leaks nothing. */
    private static L298Config checked(L298Config config) {
        Ids.requireValid(config.id(), "component");
        return config;
    }

    @Deactivate
    void release() {
        pins.close();
    }
}
