package org.kervi.devices.pi4j.internal.channels;

import java.lang.annotation.Annotation;

/** A channel configuration as ConfigAdmin would give it, with the metatype defaults. */
@SuppressWarnings("all")
final class TestChannelConfig implements ChannelConfig {
    String id = "";
    String kind = "";
    int pin = -1;
    int debounce = ChannelSpec.DEFAULT_DEBOUNCE_MILLIS;
    String pull = "off";
    boolean activeLow;
    int frequency = ChannelSpec.DEFAULT_FREQUENCY_HERTZ;
    String linkTo = "";

    TestChannelConfig(String id, String kind, int pin) {
        this.id = id;
        this.kind = kind;
        this.pin = pin;
    }

    @Override public String id() { return id; }
    @Override public String name() { return ""; }
    @Override public String kind() { return kind; }
    @Override public int pin() { return pin; }
    @Override public int debounce() { return debounce; }
    @Override public String pull() { return pull; }
    @Override public boolean activeLow() { return activeLow; }
    @Override public boolean initial() { return false; }
    @Override public int frequency() { return frequency; }
    @Override public String linkTo() { return linkTo; }
    @Override public Class<? extends Annotation> annotationType() { return ChannelConfig.class; }
}
