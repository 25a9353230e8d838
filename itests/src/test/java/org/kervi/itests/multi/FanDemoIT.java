package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.JvmGauges;
import org.kervi.testkit.KarafProcess;

/**
 * The seed's process distribution end to end, three real JVMs: the root runs the hub, the app code and the
 * application supervisor; the sensors and controllers modules run in child instances it spawns and supervises.
 */
public class FanDemoIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A replaced module is a new Karaf JVM that boots: at load 13-24 on 2 cores that took over a minute. */
    private static final Duration REPLACEMENT = Duration.ofSeconds(150);
    /** The application ready (both modules spawned and linked): minutes on a 2-core machine busy with other builds. */
    static final Duration APP_READY = Duration.ofSeconds(180);
    /** Loaded by a JVM that resolved features, never by one booted from a prepared cache. */
    private static final String FEATURES_RESOLVER = "org.apache.karaf.features.internal.region.SubsystemResolver";
    private KarafProcess root;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root);
    }

    @Test
    public void seedScenarioAcrossThreeJvms() throws Exception {
        root = application(Map.of("modules", "sensors, controllers",
                "module.sensors.features", "kervi-example-sensors-simulated",
                "module.controllers.features", "kervi-example-controllers"));
        root.start();
        long installedAt = System.nanoTime();
        root.execute("feature:install kervi-ipc kervi-example-app");
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"), APP_READY);
        log("app_main ran " + (System.nanoTime() - installedAt) / 1_000_000 + " ms after the app was installed");
        String modules = root.execute("kervi:modules --no-format");
        assertEquals(modules, "running", cell(modules, "sensors", 2));
        assertEquals(modules, "running", cell(modules, "controllers", 2));
        assertEquals("running", root.execute("kervi:value-get app.state").trim());
        assertTrue("module instances roll their logs like the root", Files.readString(root.home()
                .resolve("instances/sensors/etc/org.ops4j.pax.logging.cfg")).contains("policies.size.size = 8MB"));
        String help = root.execute("*:help kervi");
        for (String command : new String[] {"modules", "module-info", "module-restart", "instances", "values",
                "value-get", "action", "components", "links"}) {
            assertTrue("help kervi lists " + command + ":\n" + help, help.contains("kervi:" + command + " "));
        }

        FanDemoChecks.fanFollowsLoadAndBoosts(root);

        long sensorsPid = pid(root.execute("kervi:modules --no-format"), "sensors");
        // issue 15: the module JVM boots from a prepared cache, without the features resolver
        assertTrue("the sensors instance was prepared", Files.readString(root.home()
                .resolve("instances/sensors/data/log/karaf.log")).contains("Module instance prepared"));
        assertTrue("a class the check can see", JvmGauges.hasLoaded(sensorsPid, "org.apache.felix.framework.Felix"));
        assertFalse("the features resolver is not loaded in the module JVM",
                JvmGauges.hasLoaded(sensorsPid, FEATURES_RESOLVER));
        java.nio.file.Path mark = Files.writeString(root.home().resolve("instances/sensors/data/fan-demo-it.mark"),
                "left by FanDemoIT before the kill");
        ProcessHandle.of(sensorsPid).orElseThrow().destroyForcibly();
        String restarted = root.awaitOutput("kervi:modules --no-format",
                out -> "running".equals(cell(out, "sensors", 2)) && "1".equals(cell(out, "sensors", 5)), TIMEOUT);
        assertNotEquals(sensorsPid, pid(restarted, "sensors"));
        assertTrue("the first restart after a crash boots the same instance again", Files.exists(mark));
        assertFalse("the first restart after a crash boots the prepared instance again: no resolver either",
                JvmGauges.hasLoaded(pid(restarted, "sensors"), FEATURES_RESOLVER));
        assertEquals("1", root.execute("kervi:value-get app.module.sensors.restarts").trim());
        root.awaitOutput("kervi:values", out -> out.contains("cpu_load.setpoint"), TIMEOUT);
        assertFanFollows(40, "50 %");

        long controllersPid = pid(root.execute("kervi:modules --no-format"), "controllers");
        long newSensorsPid = pid(root.execute("kervi:modules --no-format"), "sensors");
        root.stop(Duration.ofSeconds(60));
        String log = Files.readString(root.karafLog());
        assertTrue("app_exit ran and switched the fan off", log.contains("Fan switched off (fan speed 0.0)"));
        assertTrue("the ready line is on the root's stdout", Files.readString(root.consoleLog())
                .contains("Kervi application 'Fan demo' ready in "));
        assertFalse("sensors module JVM left behind", alive(newSensorsPid));
        assertFalse("controllers module JVM left behind", alive(controllersPid));

        root.restart();
        String again = root.awaitOutput("kervi:modules --no-format", out -> "running".equals(cell(out, "sensors", 2))
                && "running".equals(cell(out, "controllers", 2)), TIMEOUT);
        long orphanA = pid(again, "sensors");
        long orphanB = pid(again, "controllers");
        // the root JVM alone: the harness's kill9() would take the module JVMs (its descendants) with it
        ProcessHandle rootJvm = ProcessHandle.of(root.pid()).orElseThrow();
        rootJvm.destroyForcibly();
        rootJvm.onExit().get(10, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        assertTrue("module JVMs outlive the root at first", alive(orphanA) && alive(orphanB));
        awaitDead(orphanA, Duration.ofSeconds(30));
        awaitDead(orphanB, Duration.ofSeconds(30));
        long exitedAfterMillis = (System.nanoTime() - killedAt) / 1_000_000;
        log("module JVMs exited " + exitedAfterMillis + " ms after kill -9 of the root");
        assertTrue("not before the 10 s grace period: " + exitedAfterMillis, exitedAfterMillis >= 8_000);
    }

    /**
     * Issue 9: after a crash the application returns to the state it was in (the app code's intent and the
     * controller's persisted inputs); a frozen module is found by the heartbeat, shown as unresponsive, replaced.
     */
    @Test
    public void intentSurvivesACrashAndAFrozenModuleIsReplaced() throws Exception {
        Map<String, String> app = new LinkedHashMap<>(Map.of("modules", "sensors, controllers",
                "module.sensors.features", "kervi-example-sensors-simulated",
                "module.controllers.features", "kervi-example-controllers"));
        // a grace long enough that the shell and the dashboard are seen saying "unresponsive" on a busy machine
        app.put("unresponsiveGraceSeconds", "40");
        int http = Ports.free();
        root = application(app).withConfig("org.ops4j.pax.web",
                Map.of("org.osgi.service.http.port", Integer.toString(http)));
        root.start();
        root.execute("feature:install kervi-ipc kervi-example-app kervi-dashboard kervi-history",
                Duration.ofSeconds(120));
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"), APP_READY);
        // the root records the modules' values (SQLite's native library loaded inside OSGi)
        root.awaitOutput("kervi:history cpu_load --since 10m --csv", out -> out.lines().count() >= 3, TIMEOUT);
        // Jetty and the whiteboard start while the module JVMs boot: on a busy machine that takes a while
        DashboardClient dashboard = new DashboardClient("http://127.0.0.1:" + http + "/kervi/");
        Poll.until("the dashboard answering a login", Duration.ofSeconds(120),
                () -> dashboard.login("karaf", "karaf").status() == 200 ? Boolean.TRUE : null);
        root.execute("kervi:value-set fan_controller.max_speed 60");
        root.execute("kervi:value-set fan_controller.boost true");
        root.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("60 %"), TIMEOUT);

        long controllersPid = pid(root.execute("kervi:modules --no-format"), "controllers");
        ProcessHandle.of(controllersPid).orElseThrow().destroyForcibly();
        long killedAt = System.nanoTime();
        root.awaitOutput("kervi:modules --no-format", out -> "1".equals(cell(out, "controllers", 5)), TIMEOUT);
        root.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("60 %")
                && !out.contains("unknown"), REPLACEMENT);
        long recoveredMillis = (System.nanoTime() - killedAt) / 1_000_000;
        log("fan active again at 60 % " + recoveredMillis + " ms after kill -9 of the controllers");
        assertEquals("true", root.execute("kervi:value-get fan_controller.active").trim());
        assertEquals("60 %", root.execute("kervi:value-get fan_controller.max_speed").trim());
        assertEquals("true", root.execute("kervi:value-get fan_controller.boost").trim());
        assertNotEquals(controllersPid, pid(root.execute("kervi:modules --no-format"), "controllers"));
        String info = root.execute("kervi:module-info controllers");
        assertTrue(info, info.contains("last exit: instance process exited after running"));
        assertTrue(info, info.contains("fan_controller.max_speed = 60.0"));
        root.execute("kervi:value-set fan_controller.boost false");
        assertFanFollows(40, "50 %");

        long sensorsPid = pid(root.execute("kervi:modules --no-format"), "sensors");
        signal("STOP", sensorsPid);
        long frozenAt = System.nanoTime();
        String frozen = root.awaitOutput("kervi:modules --no-format",
                out -> "unresponsive".equals(cell(out, "sensors", 2)), TIMEOUT);
        assertEquals("the frozen JVM is the one shown unresponsive", sensorsPid, pid(frozen, "sensors"));
        long unresponsiveMillis = (System.nanoTime() - frozenAt) / 1_000_000;
        assertEquals("unresponsive", root.execute("kervi:value-get app.module.sensors.state").trim());
        Poll.until("the dashboard's model showing sensors unresponsive", TIMEOUT,
                () -> "unresponsive".equals(moduleState(dashboard, "sensors")) ? Boolean.TRUE : null);
        String replaced = root.awaitOutput("kervi:modules --no-format", out -> "running".equals(cell(out, "sensors", 2))
                && "1".equals(cell(out, "sensors", 5)), REPLACEMENT);
        log("frozen sensors: unresponsive after " + unresponsiveMillis + " ms, running again after "
                + (System.nanoTime() - frozenAt) / 1_000_000 + " ms");
        assertNotEquals(sensorsPid, pid(replaced, "sensors"));
        assertTrue(root.execute("kervi:module-info sensors").contains("unresponsive: no heartbeat answer"));
        signal("CONT", sensorsPid);
        assertFalse("the frozen JVM was killed", alive(sensorsPid));
        assertFanFollows(60, "60 %");
        String values = root.execute("kervi:values --no-format");
        assertEquals(values, 1, values.lines().filter(l -> l.split("\t")[0].trim().equals("cpu_load")).count());
        assertFalse(Files.readString(root.karafLog()).contains("is already owned"));
        assertEquals("running", cell(root.execute("kervi:modules --no-format"), "controllers", 2));
    }

    @Test
    public void badModuleConfigurationIsReportedAndTheOtherModulesRun() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", 0));
            Map<String, String> app = new LinkedHashMap<>();
            app.put("modules", "controllers, sensros, ghost, busy, crashy");
            app.put("module.controllers.features", "kervi-example-controllers");
            app.put("module.sensors.features", "kervi-example-sensors");
            app.put("module.ghost.features", "kervi-no-such-feature");
            app.put("module.busy.features", "kervi-example-controllers");
            app.put("module.busy.sshPort", Integer.toString(busy.getLocalPort()));
            app.put("module.crashy.features", "kervi-example-sensors");
            app.put("module.crashy.javaOpts", "-XX:+NoSuchJvmOption");
            root = application(app);
            root.start();
            root.execute("feature:install kervi-ipc kervi-app");
            String modules = root.awaitOutput("kervi:modules --no-format",
                    out -> "running".equals(cell(out, "controllers", 2)), TIMEOUT);
            assertEquals(modules, "invalid", cell(modules, "sensros", 2));
            assertTrue(modules, cell(modules, "sensros", 8).startsWith("module 'sensros' has no features"));
            assertEquals(modules, "failed", cell(modules, "ghost", 2));
            assertTrue(modules, cell(modules, "ghost", 8).contains("unknown feature 'kervi-no-such-feature'"));
            assertEquals(modules, "failed", cell(modules, "busy", 2));
            assertTrue(modules, cell(modules, "busy", 8).contains("SSH port " + busy.getLocalPort()
                    + " is already in use"));
            String looping = root.awaitOutput("kervi:modules --no-format",
                    out -> "crash-looping".equals(cell(out, "crashy", 2)), TIMEOUT);
            assertTrue(looping, Integer.parseInt(cell(looping, "crashy", 5)) >= 3);
            assertEquals("the others are unaffected", "running", cell(looping, "controllers", 2));
            String crashy = root.execute("kervi:module-info crashy");
            assertTrue(crashy, crashy.contains("last exit: instance process exited")
                    && crashy.contains("before reporting ready"));
            java.util.regex.Matcher backoff = java.util.regex.Pattern.compile("back-off: +(\\d+) s").matcher(crashy);
            assertTrue(crashy, backoff.find());
            assertTrue("back-off grows with the failures: " + crashy, Integer.parseInt(backoff.group(1)) >= 8);
            assertTrue(root.execute("kervi:action fan_controller.activate true").trim().length() > 0);
            String log = Files.readString(root.karafLog());
            assertTrue(log.contains("Module 'sensros' not started: module 'sensros' has no features"));
            assertTrue(log.contains("Module 'ghost' could not start: unknown feature 'kervi-no-such-feature'"));
            assertTrue(root.execute("kervi:values").contains("fan_controller.temp"));

            long controllersPid = pid(modules, "controllers");
            root.execute("config:property-set -p org.kervi.app modules controllers");
            // the controllers row too: an empty output (an SSH session closed early) lacks the removed ones as well
            String trimmed = root.awaitOutput("kervi:modules --no-format", out -> !out.contains("ghost")
                    && !out.contains("busy") && !out.contains("sensros") && !out.contains("crashy")
                    && !"(no row for controllers)".equals(cell(out, "controllers", 3)), TIMEOUT);
            assertEquals("an unchanged module keeps running in the same JVM", controllersPid,
                    pid(trimmed, "controllers"));
        }
    }

    /** The fan demo's root (hub, app supervisor) with these {@code org.kervi.app} settings over the demo's. */
    static KarafProcess application(Map<String, String> app) {
        return new KarafProcess("root").withConfig("org.kervi.ipc", CrossInstanceIT.ipc("hub", Ports.free()))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", fanDemo(app));
    }

    /** The fan demo's org.kervi.app settings with {@code app}'s (modules and their features, say). */
    static Map<String, String> fanDemo(Map<String, String> app) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("appId", "fan-demo", "name", "Fan demo",
                "startupTimeoutSeconds", "90"));
        settings.putAll(app);
        return settings;
    }

    private void assertFanFollows(int cpuLoad, String fanSpeed) {
        FanDemoChecks.fanFollows(root, cpuLoad, fanSpeed);
    }

    /** A cell of a module's row in {@code kervi:modules --no-format} (0 module, 2 state, 3 pid, 5 restarts, 8 error). */
    static String cell(String table, String module, int column) {
        for (String line : table.split("\\R")) {
            String[] cells = line.split("\t", -1);
            if (cells.length > column && cells[0].trim().equals(module)) {
                return cells[column].trim();
            }
        }
        return "(no row for " + module + ")";
    }

    static long pid(String table, String module) {
        return Long.parseLong(cell(table, module, 3));
    }

    /** A module's state as the dashboard's model gives it to the page. */
    private static String moduleState(DashboardClient dashboard, String module) {
        DashboardClient.Reply model = dashboard.get("api/model");
        if (model.status() != 200) {
            return "HTTP " + model.status();
        }
        for (com.google.gson.JsonElement m : model.json().getAsJsonArray("modules")) {
            if (module.equals(m.getAsJsonObject().get("name").getAsString())) {
                return m.getAsJsonObject().get("state").getAsString();
            }
        }
        return "(no module " + module + ")";
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void awaitDead(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("module JVM " + pid + " still alive " + timeout + " after the root died");
            }
            Thread.sleep(200);
        }
    }

    private static void log(String message) {
        System.out.println("[FanDemoIT] " + message);
    }

}
