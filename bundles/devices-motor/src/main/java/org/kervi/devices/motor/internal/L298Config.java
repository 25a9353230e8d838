package org.kervi.devices.motor.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = ConfiguredL298Motor.PID, name = "Kervi DC motor on an L298 H-bridge",
        description = "IN1 and IN2 on GPIO outputs, EN on a PWM channel; a controller with input <id>.speed"
                + " (−100…100 %)")
@interface L298Config {
    @AttributeDefinition(name = "Id", description = "Component id; the input is <id>.speed")
    String id();

    @AttributeDefinition(name = "Name", required = false)
    String name() default "";

    @AttributeDefinition(name = "IN1 GPIO (BCM)")
    int in1();

    @AttributeDefinition(name = "IN2 GPIO (BCM)")
    int in2();

    @AttributeDefinition(name = "EN PWM channel")
    int enable();

    @AttributeDefinition(name = "PWM frequency, Hz")
    int frequency() default 1000;

    @AttributeDefinition(name = "At speed 0", options = {
        @Option(value = "coast", label = "coast (EN low)"),
        @Option(value = "brake", label = "brake (EN high, IN1 = IN2)")
    })
    String stop() default "coast";
}
