package org.kervi.automation.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kervi.api.actionlinks.ActionLinkSpec;
import org.kervi.api.actionlinks.ValueCondition;
import org.junit.jupiter.api.Test;

class ActionLinkSpecsTest {
    private static final String PID = "org.kervi.automation.actionlink~boost";

    private static Map<String, Object> config(String... keyValues) {
        Map<String, Object> m = new HashMap<>();
        m.put("service.pid", PID);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void readsAFullConfiguration() {
        ActionLinkSpec spec = ActionLinkSpecs.fromConfiguration("boost", config("value", "cpu_load", "trigger",
                "> 90", "interrupt", "< 50", "action", "fan_controller.boost_run", "passValue", "true",
                "parameters", "10, fast"));
        assertEquals(new ActionLinkSpec("boost", "cpu_load", ValueCondition.above(90), ValueCondition.below(50),
                "fan_controller.boost_run", true, List.of("10", "fast")), spec);
    }

    @Test
    void defaultsNoInterruptNoValueNoParameters() {
        ActionLinkSpec spec = ActionLinkSpecs.fromConfiguration("door", config("value", "door", "trigger", "true",
                "action", "alarm.ring"));
        assertNull(spec.interrupt());
        assertEquals(false, spec.passValue());
        assertEquals(List.of(), spec.parameters());
    }

    @Test
    void aListFromAConfigFileStaysAsItIs() {
        Map<String, Object> c = config("value", "v", "trigger", "true", "action", "a.b");
        c.put("parameters", new String[] {"1,2", "[3]"});
        assertEquals(List.of("1,2", "[3]"), ActionLinkSpecs.fromConfiguration("x", c).parameters());
        c.put("parameters", "[1, 2]");
        assertEquals(List.of("[1, 2]"), ActionLinkSpecs.fromConfiguration("x", c).parameters());
    }

    @Test
    void theIdIsTheConfiguredOneElseTheConfigurationsName() {
        assertEquals("boost", ActionLinkSpecs.linkId(null, PID));
        assertEquals("mine", ActionLinkSpecs.linkId(" mine ", PID));
        assertEquals("org.kervi.automation.actionlink.1234", ActionLinkSpecs.linkId("",
                "org.kervi.automation.actionlink.1234"));
    }

    @Test
    void badConfigurationsSayWhichKeyIsWrong() {
        assertError("key 'value' is missing", config("trigger", "> 90", "action", "a.b"));
        assertError("key 'action' is missing", config("value", "v", "trigger", "> 90"));
        assertError("key 'trigger' is missing", config("value", "v", "action", "a.b"));
        assertError("key 'trigger': condition 'above 90' is not understood",
                config("value", "v", "trigger", "above 90", "action", "a.b"));
        assertError("key 'interrupt': condition '< cold' needs a number",
                config("value", "v", "trigger", "> 1", "interrupt", "< cold", "action", "a.b"));
        assertError("key 'passValue' must be true or false, not 'yes'",
                config("value", "v", "trigger", "> 1", "action", "a.b", "passValue", "yes"));
        assertError("action id 'a b' has characters", config("value", "v", "trigger", "> 1", "action", "a b"));
    }

    private static void assertError(String expected, Map<String, Object> config) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ActionLinkSpecs.fromConfiguration("x", config));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
