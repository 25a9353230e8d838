package org.kervi.devices.motor.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = ConfiguredHatMotor.PID, name = "Kervi DC motor on an Adafruit Motor HAT",
        description = "One DC motor M1–M4 of the HAT, as a controller with input <id>.speed (−100…100 %)")
@interface MotorHatConfig {
    @AttributeDefinition(name = "Id", description = "Component id; the input is <id>.speed")
    String id();

    @AttributeDefinition(name = "Name", required = false)
    String name() default "";

    @AttributeDefinition(name = "I2C bus")
    int bus() default 1;

    @AttributeDefinition(name = "Address", description = "The HAT's address, 0x60 unless A0–A4 are bridged")
    String address() default "0x60";

    @AttributeDefinition(name = "Motor", description = "1–4 for M1–M4")
    int motor();

    @AttributeDefinition(name = "At speed 0", options = {
        @Option(value = "coast", label = "coast (release)"),
        @Option(value = "brake", label = "brake")
    })
    String stop() default "coast";
}
