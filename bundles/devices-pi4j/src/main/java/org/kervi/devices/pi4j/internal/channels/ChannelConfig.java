package org.kervi.devices.pi4j.internal.channels;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(id = GpioChannelComponent.FACTORY_PID, name = "Kervi GPIO channel",
        description = "One pin as a Kervi value: a digital input (read-only boolean), a digital output (writable"
                + " boolean: a relay, an LED) or a PWM channel (writable number, duty cycle 0-100 %)")
@interface ChannelConfig {
    @AttributeDefinition(name = "Id", description = "The value's id, unique in the application (e.g. pump_relay)")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown on the dashboard; the id when empty", required = false)
    String name() default "";

    @AttributeDefinition(name = "Kind", options = {
        @Option(value = "digital-input", label = "digital input (read-only boolean)"),
        @Option(value = "digital-output", label = "digital output (writable boolean)"),
        @Option(value = "pwm", label = "PWM (writable number, duty cycle 0-100 %)")
    })
    String kind();

    @AttributeDefinition(name = "Pin", description = "BCM GPIO number (0-27) for digital channels, PWM channel"
            + " (0-3) for pwm")
    int pin() default -1;

    @AttributeDefinition(name = "Debounce (ms)", description = "Inputs: a level counts once it held this long; 0 off")
    int debounce() default ChannelSpec.DEFAULT_DEBOUNCE_MILLIS;

    @AttributeDefinition(name = "Pull resistor", description = "Inputs only", options = {
        @Option(value = "off", label = "off (external resistor)"),
        @Option(value = "up", label = "up"),
        @Option(value = "down", label = "down")
    })
    String pull() default "off";

    @AttributeDefinition(name = "Active low", description = "Digital channels: the value is true when the pin is"
            + " low (a button to ground, a relay board that switches on low)")
    boolean activeLow() default false;

    @AttributeDefinition(name = "Initial", description = "Digital outputs: the value at start, and the level the pin"
            + " returns to when released")
    boolean initial() default false;

    @AttributeDefinition(name = "Frequency (Hz)", description = "PWM only")
    int frequency() default ChannelSpec.DEFAULT_FREQUENCY_HERTZ;

    @AttributeDefinition(name = "Follow value", description = "Outputs and PWM: the id of a value to follow, in"
            + " this or another instance (a link); empty for none", required = false)
    String linkTo() default "";
}
