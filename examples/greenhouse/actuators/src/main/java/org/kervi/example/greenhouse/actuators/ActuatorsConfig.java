package org.kervi.example.greenhouse.actuators;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the greenhouse's actuators are wired (defaults: docs/hardware.md, "Greenhouse demo"). */
@ObjectClassDefinition(id = ActuatorsConfig.PID, name = "Greenhouse actuators",
        description = "Pump relay on a GPIO output, fan on a PWM channel, vent servo on a PCA9685")
public @interface ActuatorsConfig {
    String PID = "org.kervi.example.greenhouse.actuators";

    @AttributeDefinition(name = "Pump relay pin", description = "GPIO (BCM number) driving the pump's relay")
    int pumpPin() default 17;

    @AttributeDefinition(name = "Fan PWM channel", description = "Hardware PWM channel of the fan (0 = GPIO 18)")
    int fanChannel() default 0;

    @AttributeDefinition(name = "Fan PWM frequency (Hz)")
    int fanFrequency() default 1000;

    @AttributeDefinition(name = "I2C bus of the PCA9685")
    int i2cBus() default 1;

    @AttributeDefinition(name = "PCA9685 address", description = "64 (0x40) with no address jumper set")
    int pca9685Address() default 0x40;

    @AttributeDefinition(name = "Vent servo channel", description = "PCA9685 output of the vent's servo, 0-15")
    int ventChannel() default 0;
}
