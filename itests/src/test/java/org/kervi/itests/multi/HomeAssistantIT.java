package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;
import org.kervi.testkit.Mosquitto;

/**
 * Issue 14 point 4: the fan demo across three JVMs with {@code kervi-homeassistant} in the root, a real Mosquitto
 * with a password, and a plain MQTT client as Home Assistant. Discovery configs checked against Home Assistant's
 * documented keys; the boost switch and the maximum speed set from "Home Assistant" reach the controllers instance;
 * an out-of-range number, a read-only id and a bad payload refused with their reasons in the user log while the
 * application runs on; a button press runs an action; configs sent again on Home Assistant's birth message;
 * availability offline when the controllers' JVM is killed (online again after the supervisor restarts it) and when
 * the feature is uninstalled.
 */
public class HomeAssistantIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PREFIX = "homeassistant";
    private static final String NODE = "fan";
    private static final String BOOST = "fan_controller_boost";
    private static final String MAX_SPEED = "fan_controller_max_speed";
    private static final Map<String, String> EXPECTED = Map.of(
            BOOST, "switch",
            MAX_SPEED, "number",
            "fan_controller_fan_speed", "sensor",
            "fan_controller_active", "binary_sensor",
            "fan_controller_boosting", "binary_sensor",
            "fan_controller_boost_run", "button",
            "cpu_load", "sensor",
            "cpu_load_setpoint", "sensor");

    private Mosquitto broker;
    private KarafProcess root;
    private HomeAssistantClient ha;

    @After
    public void cleanUp() throws Exception {
        if (ha != null) {
            ha.close();
        }
        KarafProcess.closeAll(root);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void fanDemoInHomeAssistant() throws Exception {
        broker = Mosquitto.in(Files.createTempDirectory(Path.of("target"), "mosquitto-ha"))
                .user("kervi", "kervi-secret").user("hass", "hass-secret").build().start();
        ha = new HomeAssistantClient(broker.url(), "hass", "hass-secret", PREFIX + "/#", "kervi/#");
        root = FanDemoIT.application(Map.of("modules", "sensors, controllers",
                "module.sensors.features", "kervi-example-sensors-simulated",
                "module.controllers.features", "kervi-example-controllers"))
                .withConfig("org.kervi.homeassistant", Map.of("brokerUrl", broker.url(), "username", "kervi",
                        "password", "kervi-secret", "nodeId", NODE,
                        "expose", "fan_controller.*, cpu_load, cpu_load.setpoint",
                        "commandIds", "fan_controller.*", "removalGraceSeconds", "5"));
        root.start();
        root.execute("feature:install kervi-ipc kervi-example-app kervi-homeassistant", Duration.ofSeconds(120));
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);

        Map<String, JsonObject> configs = awaitConfigs();
        Set<String> uniqueIds = new HashSet<>();
        for (Map.Entry<String, JsonObject> c : configs.entrySet()) {
            String component = c.getKey().split("/")[1];
            DiscoverySchema.check(component, c.getValue());
            assertTrue("unique_id unique: " + c.getValue(), uniqueIds.add(c.getValue().get("unique_id").getAsString()));
        }
        String shell = root.execute("kervi:homeassistant --no-format");
        assertTrue(shell, shell.contains(": connected; exposing fan_controller.*, cpu_load, cpu_load.setpoint"));
        assertEquals(shell, List.of("switch", BOOST), CrossInstanceIT.cells(shell, "fan_controller.boost", 1, 3));
        JsonObject boost = config(configs, BOOST);
        assertEquals("kervi/fan/fan_controller_boost/state", boost.get("state_topic").getAsString());
        assertEquals("kervi/fan/fan_controller_boost/set", boost.get("command_topic").getAsString());
        JsonObject maxSpeed = config(configs, MAX_SPEED);
        assertEquals(0.0, maxSpeed.get("min").getAsDouble(), 0);
        assertEquals(100.0, maxSpeed.get("max").getAsDouble(), 0);
        assertEquals("%", maxSpeed.get("unit_of_measurement").getAsString());
        assertEquals("measurement", config(configs, "cpu_load").get("state_class").getAsString());
        String controllersDevice = device(boost);
        assertTrue("the controllers and the sensors are two devices",
                !controllersDevice.equals(device(config(configs, "cpu_load"))));
        String bridgeAvailability = availability(boost, 0);
        String controllersAvailability = availability(boost, 1);
        ha.await(bridgeAvailability, "online"::equals, TIMEOUT);
        ha.await(controllersAvailability, "online"::equals, TIMEOUT);
        ha.await(availability(config(configs, "cpu_load"), 1), "online"::equals, TIMEOUT);
        ha.await(state(MAX_SPEED), "100"::equals, TIMEOUT);
        ha.await(state("fan_controller_boosting"), "OFF"::equals, TIMEOUT);

        // the boost switch and the maximum speed from Home Assistant reach the controller
        ha.publish(command(MAX_SPEED), "60");
        ha.publish(command(BOOST), "ON");
        root.awaitOutput("kervi:value-get fan_controller.boost", out -> out.trim().equals("true"), TIMEOUT);
        root.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("60 %"), TIMEOUT);
        ha.await(state(BOOST), "ON"::equals, TIMEOUT);
        ha.await(state("fan_controller_fan_speed"), "60"::equals, TIMEOUT);

        // refused: out of range, read-only (not in commandIds), not a switch payload; the application runs on
        ha.publish(command(MAX_SPEED), "150");
        ha.publish(command("cpu_load_setpoint"), "95");
        ha.publish(command(BOOST), "maybe");
        String log = root.awaitOutput("kervi:log --level warning --no-format",
                out -> out.contains("fan_controller.max_speed") && out.contains("cpu_load.setpoint")
                        && out.contains("'maybe'"), TIMEOUT);
        assertTrue(log, log.contains("Home Assistant command refused"));
        assertEquals("60 %", root.execute("kervi:value-get fan_controller.max_speed").trim());
        assertEquals("true", root.execute("kervi:value-get fan_controller.boost").trim());
        ha.await(state(MAX_SPEED), "60"::equals, TIMEOUT);
        assertTrue("the refusals are in karaf.log", Files.readString(root.karafLog()).contains("Home Assistant command refused"));

        // a button press runs the action
        ha.publish(command(BOOST), "OFF");
        root.awaitOutput("kervi:value-get fan_controller.boost", out -> out.trim().equals("false"), TIMEOUT);
        ha.publish(command("fan_controller_boost_run"), "PRESS");
        ha.await(state("fan_controller_boosting"), "ON"::equals, TIMEOUT);

        // Home Assistant's birth message: every config again
        Map<String, Integer> before = new HashMap<>();
        configs.keySet().forEach(topic -> before.put(topic, ha.count(topic)));
        ha.publish(PREFIX + "/status", "online");
        Poll.until("every config sent again after the birth message", TIMEOUT, () -> before.entrySet().stream()
                .allMatch(e -> ha.count(e.getKey()) > e.getValue()) ? Boolean.TRUE : null);

        // the controllers' JVM killed: its device unavailable, its entities kept, back after the restart
        long controllers = FanDemoIT.pid(root.execute("kervi:modules --no-format"), "controllers");
        ProcessHandle.of(controllers).orElseThrow().destroyForcibly();
        ha.await(controllersAvailability, "offline"::equals, TIMEOUT);
        assertEquals("online", ha.latest(availability(config(configs, "cpu_load"), 1)));
        ha.await(controllersAvailability, "online"::equals, Duration.ofSeconds(150));
        assertTrue("the boost entity outlived its instance's restart",
                !ha.latest(configTopic("switch", BOOST)).isEmpty());

        // the feature uninstalled: the bridge and every instance offline
        int logBefore = Files.readAllLines(root.karafLog()).size();
        root.execute("feature:uninstall kervi-homeassistant");
        ha.await(bridgeAvailability, "offline"::equals, TIMEOUT);
        ha.await(controllersAvailability, "offline"::equals, TIMEOUT);
        assertEquals("running", root.execute("kervi:value-get app.state").trim());
        assertNoOtherBundleRefreshed(root.karafLog(), logBefore);
    }

    /** Karaf lists the bundles it refreshes: the uninstall may name only the feature's own. */
    private static void assertNoOtherBundleRefreshed(Path karafLog, int fromLine) throws Exception {
        List<String> lines = Files.readAllLines(karafLog);
        boolean inRefresh = false;
        for (String line : lines.subList(Math.min(fromLine, lines.size()), lines.size())) {
            if (line.contains("Refreshing bundles:")) {
                inRefresh = true;
            } else if (inRefresh && line.contains("FeaturesServiceImpl") && line.matches(".*\\|\\s{3,}\\S.*")) {
                assertTrue("only the feature's bundle refreshed: " + line, line.contains("org.kervi.homeassistant/"));
            } else {
                inRefresh = false;
            }
        }
    }

    private Map<String, JsonObject> awaitConfigs() {
        return Poll.until("discovery configs of " + EXPECTED.keySet(), TIMEOUT, () -> {
            Map<String, JsonObject> found = new HashMap<>();
            ha.all().forEach((topic, payload) -> {
                if (topic.startsWith(PREFIX + "/") && topic.endsWith("/config") && !payload.isEmpty()) {
                    found.put(topic, JsonParser.parseString(payload).getAsJsonObject());
                }
            });
            boolean complete = EXPECTED.entrySet().stream()
                    .allMatch(e -> found.containsKey(configTopic(e.getValue(), e.getKey())));
            return complete ? found : null;
        });
    }

    private static JsonObject config(Map<String, JsonObject> configs, String object) {
        return configs.get(configTopic(EXPECTED.get(object), object));
    }

    private static String configTopic(String component, String object) {
        return PREFIX + "/" + component + "/" + NODE + "/" + object + "/config";
    }

    private static String state(String object) {
        return "kervi/" + NODE + "/" + object + "/state";
    }

    private static String command(String object) {
        return "kervi/" + NODE + "/" + object + "/set";
    }

    private static String device(JsonObject config) {
        return config.getAsJsonObject("device").getAsJsonArray("identifiers").get(0).getAsString();
    }

    private static String availability(JsonObject config, int index) {
        JsonArray list = config.getAsJsonArray("availability");
        JsonElement entry = list.get(index);
        return entry.getAsJsonObject().get("topic").getAsString();
    }
}
