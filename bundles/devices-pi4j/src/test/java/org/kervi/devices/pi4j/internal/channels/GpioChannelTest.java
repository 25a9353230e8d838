package org.kervi.devices.pi4j.internal.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.hardware.ChannelState;
import org.kervi.api.hardware.HardwareException;
import org.kervi.api.hardware.Pull;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRejectedException;
import org.kervi.devices.pi4j.mock.MockHardware;

/** The channels on Pi4J's mock platform: what the pin does when the value moves, and the other way round. */
class GpioChannelTest {
    @TempDir
    Path oneWire;

    private MockHardware mock;
    private final ManualTimer timer = new ManualTimer();

    private MockHardware mock() {
        if (mock == null) {
            mock = MockHardware.create(oneWire);
        }
        return mock;
    }

    @AfterEach
    void shutdown() {
        mock().close();
    }

    @Test
    void anActiveLowInputIsTrueWhileThePinIsLowAndChangesOnlyAfterTheDebounce() throws Exception {
        DigitalInputChannel button = (DigitalInputChannel) open(spec("button", ChannelKind.DIGITAL_INPUT, 17, true));
        assertTrue(button.value().isOn(), "mock inputs start low: an active-low button reads pressed");

        mockInput(17).mockState(DigitalState.HIGH);
        assertTrue(button.value().isOn(), "not before the level held for the debounce time");
        assertEquals(1, timer.pending());
        timer.elapse();
        assertFalse(button.value().isOn());
        assertEquals(java.util.List.of(20L), timer.delays());
    }

    @Test
    void anInputValueIsReadOnlyFromOutside() throws Exception {
        DigitalInputChannel button = (DigitalInputChannel) open(spec("button", ChannelKind.DIGITAL_INPUT, 17, false));
        ValueRejectedException refused = assertThrows(ValueRejectedException.class,
                () -> button.value().setFromOutside(true));
        assertEquals("button: is read-only (sensor); only its component sets it", refused.getMessage());
    }

    @Test
    void anOutputDrivesItsPinAndActiveLowInvertsIt() throws Exception {
        DigitalOutputChannel relay = (DigitalOutputChannel) open(spec("relay", ChannelKind.DIGITAL_OUTPUT, 5, true));
        assertEquals(DigitalState.HIGH, pin("gpio-5").state(), "an active-low relay starts off: pin high");

        relay.value().setFromOutside("on");
        assertEquals(DigitalState.LOW, pin("gpio-5").state());
        relay.value().setFromOutside(false);
        assertEquals(DigitalState.HIGH, pin("gpio-5").state());

        DigitalOutputChannel led = (DigitalOutputChannel) open(spec("led", ChannelKind.DIGITAL_OUTPUT, 6, false));
        assertEquals(DigitalState.LOW, pin("gpio-6").state());
        led.value().setFromOutside(true);
        assertEquals(DigitalState.HIGH, pin("gpio-6").state());
        assertEquals("", led.error());
    }

    @Test
    void aPwmChannelTakesZeroToHundredPercentAndRefusesTheRestWithTheRange() throws Exception {
        PwmChannel fan = (PwmChannel) open(spec("fan", ChannelKind.PWM, 0, false));
        Pwm pwm = mock().context().registry().get("pwm-0");
        assertEquals(1000, pwm.frequency());

        fan.value().setFromOutside("40");
        assertEquals(40.0, pwm.dutyCycle(), 0.01);
        for (Object bad : new Object[] {"150", -1, "fast"}) {
            ValueRejectedException refused = assertThrows(ValueRejectedException.class,
                    () -> fan.value().setFromOutside(bad));
            assertTrue(refused.getMessage().startsWith("fan: "), refused.getMessage());
        }
        assertEquals("fan: 150 is out of range [0, 100]",
                assertThrows(ValueRejectedException.class, () -> fan.value().setFromOutside(150)).getMessage());
        assertEquals(40.0, pwm.dutyCycle(), 0.01, "a refused value leaves the pin alone");
    }

    @Test
    void aLinkedSourceOutOfRangeLeavesThePwmAndShowsAsTheChannelsError() throws Exception {
        ChannelSpec spec = spec("fan", ChannelKind.PWM, 1, false);
        PwmChannel fan = (PwmChannel) open(spec);
        NumberValue source = new NumberValue("cpu_load", "CPU");
        fan.value().linkTo(source);
        fan.value().set(30.0);
        fan.value().set(130.0);
        Pwm pwm = mock().context().registry().get("pwm-1");
        assertEquals(30.0, pwm.dutyCycle(), 0.01);
        assertEquals("duty cycle 130 % is outside 0-100 %; pwm 1 left at its last duty cycle", fan.error());
        assertEquals(ChannelState.ACTIVE, fan.status().state());
        assertEquals(fan.error(), fan.status().error());
        fan.value().set(50.0);
        assertEquals("", fan.error(), "a good write clears the error");
    }

    @Test
    void aHeldPinIsRefusedClearlyAndClosingReleasesIt() throws Exception {
        GpioChannel relay = open(spec("relay", ChannelKind.DIGITAL_OUTPUT, 5, false));
        HardwareException held = assertThrows(HardwareException.class,
                () -> open(spec("button", ChannelKind.DIGITAL_INPUT, 5, false)));
        assertEquals(HardwareException.Kind.UNAVAILABLE, held.kind());
        assertTrue(held.getMessage().startsWith("gpio 5 is not available"), held.getMessage());

        relay.close();
        assertFalse(mock().context().registry().exists("gpio-5"));
        open(spec("button", ChannelKind.DIGITAL_INPUT, 5, false));
        assertTrue(mock().context().registry().exists("gpio-5"));
    }

    private GpioChannel open(ChannelSpec spec) throws HardwareException {
        return GpioChannel.open(spec, mock().hardware(), timer);
    }

    private static ChannelSpec spec(String id, ChannelKind kind, int pin, boolean activeLow) {
        return new ChannelSpec(id, id, kind, pin, ChannelSpec.DEFAULT_DEBOUNCE_MILLIS, Pull.OFF, activeLow, false,
                ChannelSpec.DEFAULT_FREQUENCY_HERTZ, "");
    }

    private MockDigitalInput mockInput(int pin) {
        return mock().context().registry().get("gpio-" + pin);
    }

    private DigitalOutput pin(String id) {
        return mock().context().registry().get(id);
    }
}
