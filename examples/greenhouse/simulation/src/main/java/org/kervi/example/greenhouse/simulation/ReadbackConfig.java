package org.kervi.example.greenhouse.simulation;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The actuators module's pins as the readback finds them on the mock platform: the defaults of
 * {@code org.kervi.example.greenhouse.actuators}; change both together.
 */
@ObjectClassDefinition(id = ReadbackConfig.PID, name = "Greenhouse actuators readback (mock platform)",
        description = "Reads the pump, fan and vent back from the mock pins for the greenhouse simulation")
public @interface ReadbackConfig {
    String PID = "org.kervi.example.greenhouse.simulation.readback";

    @AttributeDefinition(name = "Pump relay pin")
    int pumpPin() default 17;

    @AttributeDefinition(name = "Fan PWM channel")
    int fanChannel() default 0;

    @AttributeDefinition(name = "I2C bus of the PCA9685")
    int i2cBus() default 1;

    @AttributeDefinition(name = "PCA9685 address")
    int pca9685Address() default 0x40;

    @AttributeDefinition(name = "Vent servo channel")
    int ventChannel() default 0;

    @AttributeDefinition(name = "Poll interval (ms)")
    int pollMillis() default 250;
}
