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
 * at runtime moves it into a child instance of its own, make-before-break (the instance boots while the root
 * still serves the module), {@code cpu_load} flows again soon after the root let it go, and the controllers
 * JVM and the root's other bundles are left alone (no refresh); switching it back to shared moves it into the root
 * again.
 */
public class SharedIsolationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A module moved into a child instance is a Karaf JVM that boots: minutes on a saturated 2-core machine. */
    private static final Duration MOVE = Duration.ofSeconds(150);
    /** Once the moved module reports running, its values reach the linked controller within this. */
    private static final Duration FLOW_AFTER_RUNNING = Duration.ofSeconds(10);
    /**
     * From the root's last cpu_load to a new setpoint at the controller: the module's features install in the new
     * instance (6–8 s by the root's log at load 15–19), plus this test's own polls (2–4 s at that load).
     */
    private static final Duration HANDOVER_GAP = Duration.ofSeconds(20);
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
        String rootOwner = CrossInstanceIT.ownerOf(values, "app.state");
        root.execute("config:property-set -p org.kervi.app module.sensors.isolation process");
        long switchedAt = System.nanoTime();
        // make-before-break: the root serves cpu_load while the new instance boots; poll who owns it
        long[] lastFromRoot = {switchedAt};
        root.awaitOutput("kervi:values --no-format", out -> {
            String owner = CrossInstanceIT.ownerOf(out, "cpu_load");
            if (owner.equals(rootOwner)) {
                lastFromRoot[0] = System.nanoTime();
            }
            return owner.equals("sensors");
        }, MOVE);
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
        long gapMillis = (flowsAt - lastFromRoot[0]) / 1_000_000;
        log("sensors moved to its own instance: the root served cpu_load until " + (lastFromRoot[0] - switchedAt)
                / 1_000_000 + " ms after the switch; running there " + (runningAt - switchedAt) / 1_000_000
                + " ms, a new setpoint reached the controller " + (flowsAt - switchedAt) / 1_000_000
                + " ms after the switch: a gap of " + gapMillis + " ms");
        assertTrue("cpu_load flows again " + gapMillis + " ms after the root stopped serving it (at most "
                + HANDOVER_GAP.toMillis() + ")", gapMillis <= HANDOVER_GAP.toMillis());
        FanDemoChecks.fanFollows(root, 40, "50 %");

        String after = root.execute("kervi:modules --no-format");
        assertEquals("the controllers JVM was not touched", controllersPid, FanDemoIT.pid(after, "controllers"));
        assertEquals(after, "0", FanDemoIT.cell(after, "controllers", 5));
        values = root.execute("kervi:values --no-format");
        assertEquals(values, "sensors", CrossInstanceIT.ownerOf(values, "cpu_load"));
        assertEquals(values, 1, values.lines().filter(l -> l.split("\t")[0].trim().equals("cpu_load")).count());
        String log = logSince(logBefore);
        log.lines().filter(l -> l.contains("Module 'sensors'")).forEach(SharedIsolationIT::log);
        assertTrue("the new instance booted before the root let the module go:\n" + log,
                log.contains("Module 'sensors' handed over to instance 'sensors'"));
        assertFalse("taking the module out refreshed no bundle:\n" + log, log.contains("Refreshing bundles"));
        assertFalse(log, log.contains("is already owned"));
        String features = root.execute("feature:list -i --no-format");
        assertFalse("the sensors' feature left the root:\n" + features,
                features.contains("kervi-example-sensors-simulated"));

        // and back: the child instance ends, the module's features come into the root again
        root.execute("config:property-set -p org.kervi.app module.sensors.isolation shared");
        long backAt = System.nanoTime();
        String back = root.awaitOutput("kervi:modules --no-format",
                out -> "root (shared)".equals(FanDemoIT.cell(out, "sensors", 1))
                        && "running".equals(FanDemoIT.cell(out, "sensors", 2)), TIMEOUT);
        FanDemoChecks.fanFollows(root, 60, "75 %");
        log("sensors moved back into the root: cpu_load flows " + (System.nanoTime() - backAt) / 1_000_000
                + " ms after the switch");
        assertEquals(back, root.pid(), FanDemoIT.pid(back, "sensors"));
        assertEquals("the controllers JVM was not touched", controllersPid, FanDemoIT.pid(back, "controllers"));
        assertFalse("the sensors' instance ended", ProcessHandle.of(sensorsPid).map(ProcessHandle::isAlive)
                .orElse(false));
        assertEquals(CrossInstanceIT.ownerOf(values = root.execute("kervi:values --no-format"), "app.state"),
                CrossInstanceIT.ownerOf(values, "cpu_load"));
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
