package org.kervi.itests.multi;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 10, restore on restart, in the fan demo with the value history: the controller's persisted inputs
 * ({@code max_speed}, {@code boost}) come back after a {@code kill -9} of its module, after a stop and start of the
 * whole application, and after a {@code kill -9} of the root; and the history of {@code cpu_load} runs on across all
 * of it, with no gap but the time the root was away (plus, at the kill, the batch not yet written).
 */
public class RestoreAfterRestartIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long BATCH_MILLIS = 1_000;
    /** The sensor's polling interval ({@code Sensor}'s default). */
    private static final long POLL_MILLIS = 1_000;
    /** Late polls and late batches on a busy two-core machine. */
    private static final long MARGIN_MILLIS = 5 * POLL_MILLIS;
    private KarafProcess root;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root);
    }

    @Test
    public void persistedInputsSurviveModuleKillApplicationRestartAndRootKillWithContinuousHistory()
            throws Exception {
        root = fanDemoWithHistory();
        root.start();
        root.execute("feature:install kervi-ipc kervi-history kervi-example-app", Duration.ofSeconds(120));
        awaitApplication();
        root.execute("kervi:value-set fan_controller.max_speed 40");
        root.execute("kervi:value-set fan_controller.boost true");
        root.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("40 %"), TIMEOUT);

        long controllersPid = FanDemoIT.pid(root.execute("kervi:modules --no-format"), "controllers");
        ProcessHandle.of(controllersPid).orElseThrow().destroyForcibly();
        root.awaitOutput("kervi:modules --no-format", out -> "running".equals(FanDemoIT.cell(out, "controllers", 2))
                && "1".equals(FanDemoIT.cell(out, "controllers", 5)), TIMEOUT);
        assertPersistedInputsRestored("after kill -9 of the controllers module");
        assertRestoredBeforeStart();

        long stoppedAt = System.currentTimeMillis();
        root.stop(Duration.ofSeconds(60));
        root.start();
        awaitApplication();
        long upAt = System.currentTimeMillis();
        assertPersistedInputsRestored("after a stop and start of the application");
        cpuLoadRecordedAfter(upAt);

        ProcessHandle rootJvm = ProcessHandle.of(root.pid()).orElseThrow();
        long killedAt = System.currentTimeMillis();
        rootJvm.destroyForcibly();
        rootJvm.onExit().get(10, TimeUnit.SECONDS);
        root.start();
        awaitApplication();
        long upAgainAt = System.currentTimeMillis();
        assertPersistedInputsRestored("after kill -9 of the root");
        root.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("40 %"), TIMEOUT);

        HistoryPoints cpu = cpuLoadRecordedAfter(upAgainAt);
        log("cpu_load history: " + cpu + "; stopped " + Instant.ofEpochMilli(stoppedAt) + ", up "
                + Instant.ofEpochMilli(upAt) + ", killed " + Instant.ofEpochMilli(killedAt) + ", up "
                + Instant.ofEpochMilli(upAgainAt));
        assertContinuous(cpu, List.of(new Outage("stop and start", stoppedAt, upAt, 0),
                new Outage("kill -9 of the root", killedAt, upAgainAt, BATCH_MILLIS)));
    }

    /** The history of {@code cpu_load}, every raw point of the last hour, once it has one after {@code instant}. */
    private HistoryPoints cpuLoadRecordedAfter(long instant) {
        return Poll.until("cpu_load recorded after " + Instant.ofEpochMilli(instant), TIMEOUT, () -> {
            HistoryPoints points = HistoryPoints.parse(
                    root.execute("kervi:history cpu_load --since 1h --points 20000 --csv"));
            return points.size() > 0 && points.times().get(points.size() - 1) > instant ? points : null;
        });
    }

    /** The root was away from {@code from} to {@code to}; at a kill the last batch may be lost too. */
    private record Outage(String what, long from, long to, long lostBatchMillis) {
        boolean overlaps(long start, long end) {
            return start <= to && end >= from;
        }

        long allowedGapMillis() {
            return to - from + lostBatchMillis + MARGIN_MILLIS;
        }
    }

    /**
     * Points before, between and after the outages; every gap between consecutive points within a polling interval
     * plus margin, except where the root was away: there within the time it was away plus the lost batch.
     */
    private static void assertContinuous(HistoryPoints points, List<Outage> outages) {
        List<Long> t = points.times();
        assertTrue("points before the first outage: " + points, t.get(0) < outages.get(0).from());
        for (int i = 1; i < outages.size(); i++) {
            long after = outages.get(i - 1).to();
            long before = outages.get(i).from();
            assertTrue("points between the outages: " + points, t.stream().anyMatch(x -> x > after && x < before));
        }
        for (int i = 1; i < t.size(); i++) {
            long start = t.get(i - 1);
            long end = t.get(i);
            long allowed = POLL_MILLIS + MARGIN_MILLIS;
            String where = "while the application ran";
            for (Outage o : outages) {
                if (o.overlaps(start, end)) {
                    allowed = o.allowedGapMillis();
                    where = "across the " + o.what() + " (root away " + (o.to() - o.from()) + " ms)";
                }
            }
            assertTrue("cpu_load history has a gap of " + (end - start) + " ms " + where + " from "
                    + Instant.ofEpochMilli(start) + "; allowed " + allowed + " ms", end - start <= allowed);
        }
    }

    private void assertPersistedInputsRestored(String when) {
        try {
            root.awaitOutput("kervi:value-get fan_controller.max_speed", out -> out.trim().equals("40 %"), TIMEOUT);
            root.awaitOutput("kervi:value-get fan_controller.boost", out -> out.trim().equals("true"), TIMEOUT);
        } catch (AssertionError e) {
            throw new AssertionError(when + ": " + e.getMessage(), e);
        }
        String info = root.execute("kervi:module-info controllers");
        assertTrue(when + ": " + info, info.contains("fan_controller.max_speed = 40.0"));
    }

    /** The root wrote the kept values back before it started the restarted module's components. */
    private void assertRestoredBeforeStart() throws Exception {
        String log = Files.readString(root.karafLog());
        int restored = log.lastIndexOf("Module 'controllers': restoring fan_controller.max_speed = 40.0");
        int started = log.lastIndexOf("Module 'controllers' reported ready: starting its components");
        assertTrue("restored before the module's components started:\n" + KarafProcess.tail(root.karafLog(), 40),
                restored >= 0 && restored < started);
    }

    /**
     * Both modules running in instances of this root, then the fan on. (Right after a {@code kill -9} of the root its
     * old module JVMs may still be connected to the new hub for a moment, the fan's value with them, until the new
     * root reaps them.)
     */
    private void awaitApplication() {
        root.awaitOutput("kervi:modules --no-format", out -> "running".equals(FanDemoIT.cell(out, "sensors", 2))
                && "running".equals(FanDemoIT.cell(out, "controllers", 2)), TIMEOUT);
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);
    }

    private static KarafProcess fanDemoWithHistory() {
        Map<String, String> app = new LinkedHashMap<>(Map.of("appId", "fan-demo", "name", "Fan demo",
                "startupTimeoutSeconds", "90", "modules", "sensors, controllers",
                "module.sensors.features", "kervi-example-sensors",
                "module.controllers.features", "kervi-example-controllers"));
        return new KarafProcess("restore").withConfig("org.kervi.ipc", CrossInstanceIT.ipc("hub", Ports.free()))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.history", Map.of("batchMillis", Long.toString(BATCH_MILLIS)))
                .withConfig("org.kervi.app", app);
    }

    private static void log(String message) {
        System.out.println("[RestoreAfterRestartIT] " + message);
    }
}
