package org.kervi.devices.pi4j.internal.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kervi.api.hardware.Pull;

class ChannelSpecTest {
    @Test
    void aGoodConfigurationKeepsItsSettings() {
        TestChannelConfig config = new TestChannelConfig("button", "Digital-Input", 17);
        config.pull = "UP";
        config.activeLow = true;
        ChannelSpec spec = ChannelSpec.from(config);
        assertEquals(ChannelKind.DIGITAL_INPUT, spec.kind());
        assertEquals(Pull.UP, spec.pull());
        assertEquals("gpio 17", spec.address());
        assertEquals("button", spec.name(), "the id names the value when the name is empty");
    }

    @Test
    void aBadKindNamesTheKinds() {
        assertEquals("kind 'relay' is not one of digital-input, digital-output, pwm",
                refused(new TestChannelConfig("pump", "relay", 17)));
    }

    @Test
    void pinsOutOfRangeSayTheRange() {
        assertEquals("pin 40 is not a BCM GPIO number (0-27)",
                refused(new TestChannelConfig("pump", "digital-output", 40)));
        assertEquals("pwm channel 4 is out of range 0-3", refused(new TestChannelConfig("fan", "pwm", 4)));
        assertEquals("pin is missing", refused(new TestChannelConfig("fan", "pwm", -1)));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        TestChannelConfig config = new TestChannelConfig("", "digital-input", 3);
        config.pull = "sideways";
        config.debounce = -5;
        config.frequency = 0;
        assertEquals("id is missing; debounce -5 ms is negative; pull 'sideways' is not one of up, down, off;"
                + " frequency 0 Hz is not positive", refused(config));
    }

    @Test
    void anInputCannotFollowAnotherValue() {
        TestChannelConfig config = new TestChannelConfig("button", "digital-input", 17);
        config.linkTo = "other";
        assertEquals("linkTo is for digital-output and pwm channels; an input follows its pin", refused(config));
    }

    private static String refused(TestChannelConfig config) {
        return assertThrows(IllegalArgumentException.class, () -> ChannelSpec.from(config)).getMessage();
    }
}
