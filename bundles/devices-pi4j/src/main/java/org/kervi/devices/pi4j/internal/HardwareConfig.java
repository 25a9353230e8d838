package org.kervi.devices.pi4j.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = HardwareComponent.PID, name = "Kervi hardware",
        description = "The Pi4J platform that drivers reach pins and buses through")
@interface HardwareConfig {
    @AttributeDefinition(name = "Platform",
            description = "auto: gpiod on a Raspberry Pi, else mock (with a warning saying why)",
            options = {
                @Option(value = "auto", label = "auto"),
                @Option(value = "gpiod", label = "gpiod (gpiod digital I/O, linuxfs I2C, SPI, PWM; Pi 5 / Bookworm)"),
                @Option(value = "linuxfs", label = "linuxfs (sysfs digital I/O, I2C, SPI, PWM; older kernels)"),
                @Option(value = "mock", label = "mock (no hardware)")
            })
    String platform() default "auto";

    @AttributeDefinition(name = "1-Wire devices", description = "Where the kernel lists 1-Wire devices")
    String oneWireDevices() default "/sys/bus/w1/devices";
}
