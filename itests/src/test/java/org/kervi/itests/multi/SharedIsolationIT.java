package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 15: isolation per module. The fan demo with {@code sensors} shared (its features in the root instance) and
 * {@code controllers} in a child instance passes the fan demo's checks; switching {@code sensors} to process mode
 * at runtime moves it into a child instance of its own, {@code cpu_load} flows again, and the controllers JVM and
 * the root's other bundles are left alone (no refresh).
 */
public class SharedIsolationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A module moved into a child instance is a Karaf JVM that boots: minutes on a saturated 2-core machine. */
    private static final Duration MOVE = Duration.ofSeconds(150);
    /** Once the moved module reports running, its values reach the linked controller within this. */
    private static final Duration FLOW_AFTER_RUNNING = Duration.ofSeconds(10);
    private KarafProcess root;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root);
    }

    @Test
    public void aSharedModuleRunsInTheRootAndMovesToItsOwnInstanceAtRuntime() throws Exception {
        root = FanDemoIT.application(Map.of("modules", "sensors, controllers",
                "module.sensors.features", "kervi-example-sensors-simulated",
                "module.sensors.isolation", "shared",
                "module.controllers.features", "kervi-example-controllers"));
        root.start();
        root.execute("feature:install kervi-ipc kervi-example-app");
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);

        String modules = root.execute("kervi:modules --no-format");
        assertEquals(modules, "running", FanDemoIT.cell(modules, "sensors", 2));
        assertEquals(modules, "root (shared)", FanDemoIT.cell(modules, "sensors", 1));
        assertEquals("a shared module runs in the root's JVM", root.pid(), FanDemoIT.pid(modules, "sensors"));
        assertEquals(modules, "controllers", FanDemoIT.cell(modules, "controllers", 1));
        long controllersPid = FanDemoIT.pid(modules, "controllers");
        assertNotEquals(root.pid(), controllersPid);
        assertFalse("no child instance for a shared module", Files.exists(root.home().resolve("instances/sensors")));
        String values = root.execute("kervi:values --no-format");
        assertEquals("the shared sensor's value is the root's", CrossInstanceIT.ownerOf(values, "app.state"),
                CrossInstanceIT.ownerOf(values, "cpu_load"));
        assertNotEquals(CrossInstanceIT.ownerOf(values, "app.state"),
                CrossInstanceIT.ownerOf(values, "fan_controller.temp"));
        FanDemoChecks.fanFollowsLoadAndBoosts(root);
        assertEquals("running", root.execute("kervi:value-get app.module.sensors.state").trim());

        long logBefore = Files.size(root.karafLog());
        root.execute("config:property-set -p org.kervi.app module.sensors.isolation process");
        long switchedAt = System.nanoTime();
        String moved = root.awaitOutput("kervi:modules --no-format",
                out -> "sensors".equals(FanDemoIT.cell(out, "sensors", 1))
                        && "running".equals(FanDemoIT.cell(out, "sensors", 2)), MOVE);
        long runningAt = System.nanoTime();
        long sensorsPid = FanDemoIT.pid(moved, "sensors");
        assertNotEquals("sensors runs in a JVM of its own now", root.pid(), sensorsPid);
        root.execute("kervi:value-set cpu_load.setpoint 30");
        root.awaitOutput("kervi:value-get fan_controller.temp", out -> out.trim().equals("30 %"),
                FLOW_AFTER_RUNNING);
        long flowsAt = System.nanoTime();
        log("sensors moved to its own instance: running " + (runningAt - switchedAt) / 1_000_000
                + " ms after the switch, cpu_load reached the controller " + (flowsAt - switchedAt) / 1_000_000
                + " ms after the switch");
        FanDemoChecks.fanFollows(root, 40, "50 %");

        String after = root.execute("kervi:modules --no-format");
        assertEquals("the controllers JVM was not touched", controllersPid, FanDemoIT.pid(after, "controllers"));
        assertEquals(after, "0", FanDemoIT.cell(after, "controllers", 5));
        values = root.execute("kervi:values --no-format");
        assertEquals(values, "sensors", CrossInstanceIT.ownerOf(values, "cpu_load"));
        assertEquals(values, 1, values.lines().filter(l -> l.split("\t")[0].trim().equals("cpu_load")).count());
        String log = logSince(logBefore);
        assertTrue("the root took the sensors' features out:\n" + log,
                log.contains("Module 'sensors' removed or changed: stopping it in 'root (shared)'"));
        assertFalse("taking the module out refreshed no bundle:\n" + log, log.contains("Refreshing bundles"));
        assertFalse(log, log.contains("is already owned"));
        String features = root.execute("feature:list -i --no-format");
        assertFalse("the sensors' feature left the root:\n" + features,
                features.contains("kervi-example-sensors-simulated"));
    }

    private String logSince(long offset) throws Exception {
        byte[] all = Files.readAllBytes(root.karafLog());
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void log(String message) {
        System.out.println("[SharedIsolationIT] " + message);
    }
}
