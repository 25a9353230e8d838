package org.kervi.example.greenhouse.actuators;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where the vent's servo is wired (defaults: docs/hardware.md, "Greenhouse demo"). The pump relay and the fan are GPIO
 * channels by configuration ({@code org.kervi.gpio.channel-pump_relay}, {@code -fan_pwm}) that follow the
 * controller's outputs.
 */
@ObjectClassDefinition(id = ActuatorsConfig.PID, name = "Greenhouse actuators",
        description = "The vent servo on a PCA9685 output")
public @interface ActuatorsConfig {
    String PID = "org.kervi.example.greenhouse.actuators";

    @AttributeDefinition(name = "I2C bus of the PCA9685")
    int i2cBus() default 1;

    @AttributeDefinition(name = "PCA9685 address", description = "64 (0x40) with no address jumper set")
    int pca9685Address() default 0x40;

    @AttributeDefinition(name = "Vent servo channel", description = "PCA9685 output of the vent's servo, 0-15")
    int ventChannel() default 0;
}
