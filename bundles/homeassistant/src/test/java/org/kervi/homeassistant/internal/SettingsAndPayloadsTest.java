package org.kervi.homeassistant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.kervi.api.values.BooleanValue;
import org.kervi.api.values.DateTimeValue;
import org.kervi.api.values.NumberValue;
import org.kervi.api.values.ValueRejectedException;

class SettingsAndPayloadsTest {
    @Test
    void everyBadKeyIsNamedInOneError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.of(
                "brokerUrl = http://broker", "nodeId = fan demo", "discoveryPrefix = home/#",
                "removalGraceSeconds = -1", "password = secret"));
        for (String key : new String[] {"brokerUrl", "nodeId", "discoveryPrefix", "removalGraceSeconds",
                "password given without a username"}) {
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void defaultsExposeNothingAndAllowCommandsOnWhatIsExposed() {
        HomeAssistantSettings s = Settings.of();
        assertTrue(s.expose().isEmpty());
        assertTrue(s.commandIds().matches("anything.at_all"));
        assertEquals("kervi-ha-kervi-root", s.clientId());
        assertFalse(s.isTls());
        assertTrue(Settings.of("brokerUrl = ssl://broker:8883").isTls());
        assertEquals("homeassistant", Settings.of("discoveryPrefix = homeassistant/").discoveryPrefix());
    }

    @Test
    void globsFromOneCommaSeparatedLine() {
        Globs g = Globs.of("fan_controller.*, cpu_load *.temp");
        assertTrue(g.matches("fan_controller.boost"));
        assertTrue(g.matches("cpu_load"));
        assertTrue(g.matches("room.temp"));
        assertFalse(g.matches("cpu_load.setpoint"));
        assertFalse(g.matches("fan_controllerX"));
        assertTrue(Globs.of().isEmpty());
    }

    @Test
    void statesAndCommands() {
        NumberValue n = new NumberValue("n", "N");
        n.set(60.0);
        assertEquals("60", Payloads.state(n));
        n.set(0.25);
        assertEquals("0.25", Payloads.state(n));
        BooleanValue b = new BooleanValue("b", "B");
        b.set(true);
        assertEquals("ON", Payloads.state(b));
        DateTimeValue t = new DateTimeValue("t", "T");
        t.set(Instant.parse("2026-12-05T08:00:00Z"));
        assertEquals("2026-12-05T08:00:00Z", Payloads.state(t));

        assertEquals(Boolean.FALSE, Payloads.command(b, "OFF"));
        assertEquals(42.5, Payloads.command(n, " 42.5 "));
        ValueRejectedException bad = assertThrows(ValueRejectedException.class, () -> Payloads.command(b, "maybe"));
        assertEquals("b: expected ON or OFF, got 'maybe'", bad.getMessage());
        assertThrows(ValueRejectedException.class, () -> Payloads.command(n, "lots"));
    }

    @Test
    void topicsAndObjectIds() {
        Topics topics = new Topics(Settings.of("nodeId = fan", "statePrefix = home/kervi"));
        assertEquals("fan_controller_boost", Entity.objectIdOf("fan_controller.boost"));
        assertEquals("a_b-c", Entity.objectIdOf("a:b-c"));
        assertEquals("fan_controller_boost", topics.commandObject("home/kervi/fan/fan_controller_boost/set"));
        assertEquals(null, topics.commandObject("home/kervi/fan/instance/x/set"));
        assertEquals("homeassistant/switch/fan/b/config", topics.config(EntityComponent.SWITCH, "b"));
        assertEquals("homeassistant/+/fan/+/config", topics.allConfigs());
    }
}
