package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Home Assistant's documented MQTT discovery keys (integrations/sensor.mqtt, binary_sensor.mqtt, number.mqtt,
 * switch.mqtt, select.mqtt, button.mqtt and the shared device / availability blocks), to check a config against:
 * required keys present, no key Home Assistant does not know, values of the documented types.
 */
final class DiscoverySchema {
    private static final Set<String> COMMON = Set.of("name", "unique_id", "object_id", "default_entity_id",
            "device", "availability", "availability_mode", "availability_topic", "payload_available",
            "payload_not_available", "icon", "entity_category", "enabled_by_default", "json_attributes_topic",
            "json_attributes_template", "qos", "encoding", "platform", "origin");
    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "sensor", Set.of("state_topic"),
            "binary_sensor", Set.of("state_topic"),
            "number", Set.of("command_topic"),
            "switch", Set.of("command_topic"),
            "select", Set.of("command_topic", "options"),
            "button", Set.of("command_topic"));
    private static final Map<String, Set<String>> OPTIONAL = Map.of(
            "sensor", Set.of("unit_of_measurement", "device_class", "state_class", "suggested_display_precision",
                    "value_template", "expire_after", "force_update", "options", "last_reset_value_template"),
            "binary_sensor", Set.of("payload_on", "payload_off", "device_class", "value_template", "expire_after",
                    "force_update", "off_delay"),
            "number", Set.of("state_topic", "min", "max", "step", "mode", "unit_of_measurement", "device_class",
                    "command_template", "value_template", "payload_reset", "optimistic", "retain"),
            "switch", Set.of("state_topic", "payload_on", "payload_off", "state_on", "state_off", "device_class",
                    "optimistic", "retain", "value_template", "command_template"),
            "select", Set.of("state_topic", "optimistic", "retain", "value_template", "command_template"),
            "button", Set.of("payload_press", "device_class", "retain", "command_template"));
    private static final Set<String> DEVICE = Set.of("identifiers", "connections", "name", "manufacturer", "model",
            "model_id", "sw_version", "hw_version", "serial_number", "via_device", "suggested_area",
            "configuration_url");
    private static final Set<String> AVAILABILITY = Set.of("topic", "payload_available", "payload_not_available",
            "value_template");
    private static final Set<String> STATE_CLASSES = Set.of("measurement", "total", "total_increasing");

    private DiscoverySchema() {}

    /** Checks one config published on {@code <prefix>/<component>/<node>/<object>/config}. */
    static void check(String component, JsonObject config) {
        String where = component + " " + config;
        assertTrue("unknown component " + where, REQUIRED.containsKey(component));
        for (String key : REQUIRED.get(component)) {
            assertTrue("missing required " + key + ": " + where, config.has(key));
        }
        Set<String> allowed = Stream.of(COMMON, REQUIRED.get(component), OPTIONAL.get(component))
                .flatMap(Set::stream).collect(Collectors.toSet());
        for (String key : config.keySet()) {
            assertTrue("key " + key + " is not documented for " + where, allowed.contains(key));
        }
        for (String topicKey : new String[] {"state_topic", "command_topic"}) {
            if (config.has(topicKey)) {
                String topic = config.get(topicKey).getAsString();
                assertFalse(topicKey + " with a wildcard: " + where, topic.contains("+") || topic.contains("#"));
            }
        }
        assertFalse("empty unique_id: " + where, config.get("unique_id").getAsString().isBlank());
        JsonObject device = config.getAsJsonObject("device");
        assertTrue("device without identifiers: " + where, device.getAsJsonArray("identifiers").size() > 0);
        for (String key : device.keySet()) {
            assertTrue("device key " + key + " is not documented: " + where, DEVICE.contains(key));
        }
        assertEquals("Kervi", device.get("manufacturer").getAsString());
        for (String key : new String[] {"name", "model", "sw_version"}) {
            assertFalse("device " + key + " missing: " + where, device.has(key) ? device.get(key).getAsString()
                    .isBlank() : true);
        }
        assertTrue("availability is a list: " + where, config.get("availability").isJsonArray());
        for (JsonElement a : config.getAsJsonArray("availability")) {
            assertTrue("availability without topic: " + where, a.getAsJsonObject().has("topic"));
            for (String key : a.getAsJsonObject().keySet()) {
                assertTrue("availability key " + key + " is not documented", AVAILABILITY.contains(key));
            }
        }
        if (config.has("availability_mode")) {
            assertTrue(where, Set.of("all", "any", "latest").contains(config.get("availability_mode").getAsString()));
        }
        if (config.has("state_class")) {
            assertTrue(where, STATE_CLASSES.contains(config.get("state_class").getAsString()));
        }
        if (component.equals("number")) {
            double min = config.get("min").getAsDouble();
            double max = config.get("max").getAsDouble();
            assertTrue("min < max: " + where, min < max);
            assertTrue("step > 0: " + where, config.get("step").getAsDouble() > 0);
        }
        if (config.has("options")) {
            assertTrue("options listed: " + where, config.getAsJsonArray("options").size() > 0);
        }
    }
}
