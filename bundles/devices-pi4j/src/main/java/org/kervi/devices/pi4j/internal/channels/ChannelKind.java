package org.kervi.devices.pi4j.internal.channels;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code kind} of a GPIO channel configuration. */
enum ChannelKind {
    DIGITAL_INPUT("digital-input", "gpio", ChannelSpec.MAX_GPIO_PIN),
    DIGITAL_OUTPUT("digital-output", "gpio", ChannelSpec.MAX_GPIO_PIN),
    PWM("pwm", "pwm", ChannelSpec.MAX_PWM_CHANNEL);

    private final String configName;
    private final String addressPrefix;
    private final int maxPin;

    ChannelKind(String configName, String addressPrefix, int maxPin) {
        this.configName = configName;
        this.addressPrefix = addressPrefix;
        this.maxPin = maxPin;
    }

    static ChannelKind parse(String text) {
        String wanted = text == null ? "" : text.trim();
        for (ChannelKind kind : values()) {
            if (kind.configName.equalsIgnoreCase(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind '" + wanted + "' is not one of " + names());
    }

    static String names() {
        return Arrays.stream(values()).map(ChannelKind::configName).collect(Collectors.joining(", "));
    }

    String configName() {
        return configName;
    }

    int maxPin() {
        return maxPin;
    }

    /** How the shell names the pin, e.g. {@code gpio 17} or {@code pwm 0}. */
    String address(int pin) {
        return addressPrefix + " " + pin;
    }
}
