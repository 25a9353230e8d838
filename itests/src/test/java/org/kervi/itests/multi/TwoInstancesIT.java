package org.kervi.itests.multi;

import org.kervi.testkit.KarafCommandException;
import org.kervi.testkit.KarafProcess;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Duration;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

/**
 * Two real Karaf processes from the built distribution, side by side: each runs one example module, one is
 * killed with -9 without disturbing the other, and comes back on restart. (Links across instances come with
 * the IPC bundle.)
 */
public class TwoInstancesIT {
    private static final Duration COMPONENT_TIMEOUT = Duration.ofSeconds(20);

    private KarafProcess controllers;
    private KarafProcess sensors;

    @After
    public void cleanUp() {
        long start = System.nanoTime();
        KarafProcess.closeAll(controllers, sensors);
        log("closed both in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Test
    public void twoInstancesRunTheirModulesAndSurviveEachOthersKill9() {
        controllers = new KarafProcess("controllers").withConfig("org.kervi.core", Map.of("instanceId", "controllers"));
        sensors = new KarafProcess("sensors").withConfig("org.kervi.core", Map.of("instanceId", "sensors"));
        assertNotEquals(controllers.sshPort(), sensors.sshPort());
        KarafProcess.startAll(controllers, sensors);
        log("booted in parallel: controllers " + controllers.lastStartDuration().orElseThrow().toMillis()
                + " ms, sensors " + sensors.lastStartDuration().orElseThrow().toMillis() + " ms");

        controllers.execute("feature:install kervi-example-controllers");
        sensors.execute("feature:install kervi-example-sensors");
        String controllerComponents = controllers.awaitOutput("kervi:components",
                out -> out.contains("fan_controller"), COMPONENT_TIMEOUT);
        assertFalse(controllerComponents, controllerComponents.contains("cpu_load"));
        String sensorComponents = sensors.awaitOutput("kervi:components",
                out -> out.contains("cpu_load"), COMPONENT_TIMEOUT);
        assertFalse(sensorComponents, sensorComponents.contains("fan_controller"));

        // a failing command exposes Karaf's error text
        try {
            String printed = controllers.execute("kervi:value-set fan_controller.temp hot");
            fail("should have failed, printed: " + printed);
        } catch (KarafCommandException e) {
            assertEquals("fan_controller.temp: expected a number, got 'hot' (String)", e.getMessage());
        }

        long shellStart = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            controllers.execute("kervi:components");
        }
        log("one shell command over SSH (login included): " + (System.nanoTime() - shellStart) / 5_000_000 + " ms");

        long killedPid = sensors.pid();
        log("sensors pid " + killedPid + " RSS " + sensors.rssKiB() + " KiB (PSS " + sensors.pssKiB()
                + "), controllers RSS " + controllers.rssKiB() + " KiB (PSS " + controllers.pssKiB() + ")");
        sensors.kill9();
        assertFalse("the killed JVM is gone", ProcessHandle.of(killedPid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(sensors.isAlive());
        assertTrue(controllers.execute("kervi:components").contains("fan_controller"));

        long restartStart = System.nanoTime();
        sensors.restart();
        log("sensors restarted in " + (System.nanoTime() - restartStart) / 1_000_000 + " ms");
        assertNotEquals(killedPid, sensors.pid());
        // the feature installed before the kill comes back from data/
        sensors.awaitOutput("kervi:components", out -> out.contains("cpu_load"), COMPONENT_TIMEOUT);
        assertTrue(controllers.execute("kervi:components").contains("fan_controller"));
    }

    private static void log(String message) {
        System.out.println("[TwoInstancesIT] " + message);
    }
}
