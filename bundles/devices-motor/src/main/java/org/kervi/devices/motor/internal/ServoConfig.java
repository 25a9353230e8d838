package org.kervi.devices.motor.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ConfiguredServo.PID, name = "Kervi servo on a PCA9685",
        description = "One servo on a PCA9685 channel, as a controller with inputs <id>.position (degrees) and"
                + " <id>.adjust, output <id>.error")
@interface ServoConfig {
    @AttributeDefinition(name = "Id", description = "Component id; the values are <id>.position, <id>.adjust")
    String id();

    @AttributeDefinition(name = "Name", required = false)
    String name() default "";

    @AttributeDefinition(name = "I2C bus")
    int bus() default 1;

    @AttributeDefinition(name = "Address", description = "The PCA9685's address, 0x40 unless A0–A5 are bridged")
    String address() default "0x40";

    @AttributeDefinition(name = "Channel", description = "0–15")
    int channel();

    @AttributeDefinition(name = "Pulse at 0°, ms")
    double minPulseMillis() default 1.0;

    @AttributeDefinition(name = "Pulse at the maximum angle, ms")
    double maxPulseMillis() default 2.0;

    @AttributeDefinition(name = "Maximum angle, degrees")
    double maxDegrees() default 180;
}
