package org.kervi.devices.pi4j.internal.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kervi.api.Ids;
import org.kervi.api.hardware.Pull;

/** A checked channel configuration; {@link #from} says everything that is wrong with one at once. */
record ChannelSpec(String id, String name, ChannelKind kind, int pin, int debounceMillis, Pull pull,
        boolean activeLow, boolean initial, int frequencyHertz, String linkTo) {
    static final int DEFAULT_DEBOUNCE_MILLIS = 20;
    static final int DEFAULT_FREQUENCY_HERTZ = 1000;
    /** The highest BCM number on the Raspberry Pi's 40-pin header. */
    static final int MAX_GPIO_PIN = 27;
    /** The Pi 5 has four hardware PWM channels (older models two). */
    static final int MAX_PWM_CHANNEL = 3;

    static ChannelSpec from(ChannelConfig config) {
        List<String> problems = new ArrayList<>();
        String id = config.id() == null ? "" : config.id().trim();
        try {
            Ids.requireValid(id, "channel");
        } catch (IllegalArgumentException e) {
            problems.add(id.isEmpty() ? "id is missing" : e.getMessage());
        }
        ChannelKind kind = null;
        try {
            kind = ChannelKind.parse(config.kind());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        int pin = config.pin();
        if (pin < 0) {
            problems.add(pin == -1 ? "pin is missing" : "pin " + pin + " is negative");
        } else if (kind != null && pin > kind.maxPin()) {
            problems.add(kind == ChannelKind.PWM
                    ? "pwm channel " + pin + " is out of range 0-" + MAX_PWM_CHANNEL
                    : "pin " + pin + " is not a BCM GPIO number (0-" + MAX_GPIO_PIN + ")");
        }
        if (config.debounce() < 0) {
            problems.add("debounce " + config.debounce() + " ms is negative");
        }
        Pull pull = null;
        try {
            pull = Pull.valueOf(config.pull().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add("pull '" + config.pull() + "' is not one of up, down, off");
        }
        if (config.frequency() <= 0) {
            problems.add("frequency " + config.frequency() + " Hz is not positive");
        }
        String linkTo = config.linkTo() == null ? "" : config.linkTo().trim();
        if (!linkTo.isEmpty()) {
            if (kind == ChannelKind.DIGITAL_INPUT) {
                problems.add("linkTo is for digital-output and pwm channels; an input follows its pin");
            } else {
                try {
                    Ids.requireValid(linkTo, "linked value");
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String name = config.name() == null || config.name().isBlank() ? id : config.name().trim();
        return new ChannelSpec(id, name, kind, pin, config.debounce(), pull, config.activeLow(), config.initial(),
                config.frequency(), linkTo);
    }

    String address() {
        return kind.address(pin);
    }
}
