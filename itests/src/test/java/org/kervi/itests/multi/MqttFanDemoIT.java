package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.CommandResult;
import org.kervi.testkit.KarafProcess;
import org.kervi.testkit.Mosquitto;

/**
 * The fan demo with {@code transport = mqtt}: the root and the two module instances it spawns linked through a real
 * Mosquitto (with a password), plus a module instance "from another machine" that joins with only the joining
 * settings. The same checks as over the TCP hub ({@link FanDemoIT#valuesFlowAndActionsAnswer}), then kill -9 of a
 * module, and the broker restarted mid-run. One application for every check: each boot costs minutes on a busy
 * 2-core machine.
 */
public class MqttFanDemoIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A replaced module is a new Karaf JVM that boots: over a minute at high load. */
    private static final Duration REPLACEMENT = Duration.ofSeconds(150);
    private static final int KEEP_ALIVE_SECONDS = 3;
    /** The broker sends a dead instance's will 1.5 keep-alives after its last packet; slack for a busy machine. */
    private static final Duration GONE_WITHIN = Duration.ofMillis(KEEP_ALIVE_SECONDS * 1500L).plusSeconds(5);
    private static final String BROKER_USER = "kervi";
    private static final String BROKER_PASSWORD = "it-broker-password-0123";
    private Mosquitto broker;
    private KarafProcess root;
    private KarafProcess shed;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(shed, root);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void fanDemoAcrossThreeJvmsThroughABrokerWithAJoinedModule() throws Exception {
        Path work = Files.createTempDirectory("kervi-mqtt-fan-demo");
        broker = Mosquitto.in(work.resolve("broker")).user(BROKER_USER, BROKER_PASSWORD).build().start();
        root = new KarafProcess("root")
                .withConfig("org.kervi.ipc", Map.of("role", "hub", "transport", "mqtt", "applicationId", "it"))
                .withConfig("org.kervi.ipc.mqtt", brokerSettings())
                .withConfig("org.kervi.core", Map.of("instanceId", "root", "readyOnStart", "false"))
                .withConfig("org.kervi.app", FanDemoIT.fanDemo(Map.of("modules", "sensors, controllers",
                        "module.sensors.features", "kervi-example-sensors-simulated",
                        "module.controllers.features", "kervi-example-controllers")));
        // another machine's module: the joining settings only (and the id it joins as), a relay on the mock GPIO
        shed = new KarafProcess("shed")
                .withConfig("org.kervi.ipc", Map.of("transport", "mqtt", "applicationId", "it"))
                .withConfig("org.kervi.ipc.mqtt", brokerSettings())
                .withConfig("org.kervi.core", Map.of("instanceId", "shed"))
                .withConfig("org.kervi.gpio.channel-shed_relay", Map.of("id", "shed_relay",
                        "kind", "digital-output", "pin", "5"));
        KarafProcess.startAll(root, shed);
        long installedAt = System.nanoTime();
        root.execute("feature:install kervi-ipc kervi-ipc-mqtt kervi-example-app", Duration.ofSeconds(120));
        shed.execute("feature:install kervi-ipc kervi-ipc-mqtt kervi-devices-pi4j", Duration.ofSeconds(120));
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);
        log("app_main ran " + (System.nanoTime() - installedAt) / 1_000_000 + " ms after the app was installed");
        String modules = root.execute("kervi:modules --no-format");
        assertEquals(modules, "running", FanDemoIT.cell(modules, "sensors", 2));
        assertEquals(modules, "running", FanDemoIT.cell(modules, "controllers", 2));
        assertModulesGotTheBrokerNotItsSecretsOnACommandLine();

        FanDemoChecks.fanFollowsLoadAndBoosts(root);
        joinedModuleIsSeenWithItsHost();
        killedModuleGoesWithinTheKeepAliveAndComesBackWithItsValues();
        brokerRestartHealsEverythingAndNoCallHangs();
    }

    private Map<String, String> brokerSettings() {
        return Map.of("brokerUrl", broker.url(), "username", BROKER_USER, "password", BROKER_PASSWORD,
                "keepAliveSeconds", Integer.toString(KEEP_ALIVE_SECONDS), "reconnectMaxMillis", "2000");
    }

    /** The spawned module has the broker's settings and its own owner-only password file; no hub, no secret. */
    private void assertModulesGotTheBrokerNotItsSecretsOnACommandLine() throws Exception {
        Path etc = root.home().resolve("instances/sensors/etc");
        String ipc = Files.readString(etc.resolve("org.kervi.ipc.cfg"));
        assertTrue(ipc, ipc.contains("transport = mqtt") && ipc.contains("role = client"));
        String mqtt = Files.readString(etc.resolve("org.kervi.ipc.mqtt.cfg"));
        assertTrue(mqtt, mqtt.contains("brokerUrl = " + broker.url()) && mqtt.contains("passwordFile = "));
        assertFalse(mqtt, mqtt.contains(BROKER_PASSWORD));
        assertEquals(BROKER_PASSWORD, Files.readString(etc.resolve("kervi.broker.password")));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(etc.resolve("kervi.broker.password"))));
        long sensorsPid = FanDemoIT.pid(root.execute("kervi:modules --no-format"), "sensors");
        String commandLine = ProcessHandle.of(sensorsPid).flatMap(p -> p.info().commandLine()).orElse("");
        assertFalse(commandLine, commandLine.contains(BROKER_PASSWORD));
    }

    /** kervi:instances on the root: every instance with its host, how it came in and the transport. */
    private void joinedModuleIsSeenWithItsHost() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        String instances = root.awaitOutput("kervi:instances --no-format",
                out -> CrossInstanceIT.cells(out, "shed", 2, 5).equals(List.of(host, "joined", "mqtt")), TIMEOUT);
        assertEquals(instances, List.of(host, "spawned", "mqtt"), CrossInstanceIT.cells(instances, "sensors", 2, 5));
        assertEquals(instances, List.of(host, "spawned", "mqtt"),
                CrossInstanceIT.cells(instances, "controllers", 2, 5));
        assertEquals(instances, List.of(host, "root", "mqtt"), CrossInstanceIT.cells(instances, "root", 2, 5));
        assertTrue(instances, instances.contains("over mqtt, broker " + broker.url()));
        String values = root.awaitOutput("kervi:values --no-format", out -> !owner(out, "shed_relay").isEmpty(),
                TIMEOUT);
        assertEquals(values, "shed", owner(values, "shed_relay"));
        String modules = root.execute("kervi:modules --no-format");
        assertEquals("the root supervises only what it spawned: " + modules, "(no row for shed)",
                FanDemoIT.cell(modules, "shed", 2));
        root.execute("kervi:value-set shed_relay true");
        shed.awaitOutput("kervi:value-get shed_relay", out -> out.trim().equals("true"), TIMEOUT);
    }

    /**
     * kill -9 of the controllers module: its ids leave every view within the keep-alive (the broker's last will),
     * come back once the supervisor restarted it, and its values are what they were (persisted inputs restored,
     * the outputs it publishes again).
     */
    private void killedModuleGoesWithinTheKeepAliveAndComesBackWithItsValues() {
        root.execute("kervi:value-set fan_controller.max_speed 60");
        root.execute("kervi:value-set fan_controller.boost true");
        root.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("60 %"), TIMEOUT);
        long controllersPid = FanDemoIT.pid(root.execute("kervi:modules --no-format"), "controllers");
        PresenceWatch will = PresenceWatch.start(broker, BROKER_USER, BROKER_PASSWORD, "kervi/it/presence/controllers");
        long killedAt;
        try {
            ProcessHandle.of(controllersPid).orElseThrow().destroyForcibly();
            killedAt = System.nanoTime();
            long willMillis = (will.awaitLine("\"offline\"", TIMEOUT) - killedAt) / 1_000_000;
            log("the broker published the controllers' last will " + willMillis + " ms after kill -9 (keep-alive "
                    + KEEP_ALIVE_SECONDS + " s)");
            assertTrue("the will within 1.5 keep-alives (+ slack for a busy machine): " + willMillis + " ms",
                    willMillis <= GONE_WITHIN.toMillis());
        } finally {
            will.close();
        }
        // each poll is an SSH session: on a machine at load 40 one takes up to 20 s
        root.awaitOutput("kervi:values --no-format", out -> owner(out, "fan_controller.fan_speed").isEmpty()
                && out.contains("cpu_load"), TIMEOUT);
        log("the controllers' ids had left the root's view " + (System.nanoTime() - killedAt) / 1_000_000
                + " ms after kill -9");
        root.awaitOutput("kervi:modules --no-format", out -> "1".equals(FanDemoIT.cell(out, "controllers", 5)),
                TIMEOUT);
        root.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("60 %"), REPLACEMENT);
        log("fan at 60 % again " + (System.nanoTime() - killedAt) / 1_000_000 + " ms after kill -9");
        assertNotEquals(controllersPid, FanDemoIT.pid(root.execute("kervi:modules --no-format"), "controllers"));
        // the new instance publishes its constructor's values before it restores the persisted ones, and the fan
        // speed above may be the broker's retained one: wait for the restored settings, do not sample them once
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"), REPLACEMENT);
        root.awaitOutput("kervi:value-get fan_controller.max_speed", out -> out.trim().equals("60 %"), REPLACEMENT);
        root.awaitOutput("kervi:value-get fan_controller.boost", out -> out.trim().equals("true"), REPLACEMENT);
        root.execute("kervi:value-set fan_controller.boost false");
        FanDemoChecks.fanFollows(root, 40, "50 %");
    }

    /**
     * The broker killed (no clean disconnects) and started again on the same port: a call made during the outage
     * ends — with its result or a clear error, never a hang — and every instance reconnects by itself.
     */
    private void brokerRestartHealsEverythingAndNoCallHangs() {
        String modulesBefore = root.execute("kervi:modules --no-format");
        broker.kill();
        long downAt = System.nanoTime();
        CommandResult duringOutage = root.run("kervi:action --timeout 5000 fan_controller.activate true",
                Duration.ofSeconds(60));
        long answeredMillis = (System.nanoTime() - downAt) / 1_000_000;
        log("a call during the outage ended after " + answeredMillis + " ms: " + duringOutage.output().trim());
        assertTrue("a call during the outage completes or fails with a reason: " + duringOutage.output(),
                duringOutage.output().trim().equals("50 %")
                        || duringOutage.error().map(e -> !e.isBlank()).orElse(false));
        broker.start();
        long upAt = System.nanoTime();
        root.awaitOutput("kervi:instances --no-format", out -> out.contains(": connected;")
                && CrossInstanceIT.cells(out, "sensors", 3, 4).equals(List.of("spawned"))
                && CrossInstanceIT.cells(out, "controllers", 3, 4).equals(List.of("spawned"))
                && CrossInstanceIT.cells(out, "shed", 3, 4).equals(List.of("joined")), TIMEOUT);
        // max_speed is still 60 (set before the kill -9): the fan follows up to it
        FanDemoChecks.fanFollows(root, 44, "55 %");
        FanDemoChecks.fanFollows(root, 60, "60 %");
        log("values flow again " + (System.nanoTime() - upAt) / 1_000_000 + " ms after the broker came back");
        assertEquals("60 %", root.execute("kervi:action fan_controller.activate true").trim());
        root.execute("kervi:value-set shed_relay false");
        shed.awaitOutput("kervi:value-get shed_relay", out -> out.trim().equals("false"), TIMEOUT);
        String modulesAfter = root.execute("kervi:modules --no-format");
        assertEquals("no module was restarted for a broker outage:\n" + modulesAfter,
                List.of(FanDemoIT.cell(modulesBefore, "sensors", 3), FanDemoIT.cell(modulesBefore, "controllers", 3)),
                List.of(FanDemoIT.cell(modulesAfter, "sensors", 3), FanDemoIT.cell(modulesAfter, "controllers", 3)));
    }

    /** The owner column of a value's row in {@code kervi:values --no-format}, empty when there is no such row. */
    private static String owner(String values, String id) {
        List<String> cells = CrossInstanceIT.cells(values, id, 4, 5);
        return cells.size() == 1 && !cells.get(0).startsWith("(no row") ? cells.get(0) : "";
    }

    private static void log(String message) {
        System.out.println("[MqttFanDemoIT] " + message);
    }
}
