package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;
import org.kervi.testkit.ReadyLine;

/**
 * The fan demo run the way it runs unattended (systemd, nohup, CI, {@code ./demo.sh | tee}): no terminal, stdin at
 * EOF, output to a file, the environment a user has (no {@code JAVA_HOME}, the distribution's own heap settings),
 * and {@code bin/karaf server} — the start script stays the JVM's parent, as with {@code bin/start}.
 */
public class ServiceModeIT {
    private static final Duration SOAK = Duration.ofMinutes(2);
    private static final Duration POLL_EVERY = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Every log of the application together; the bug this guards against redrew a prompt at about 30 KB/s. */
    private static final double MAX_LOG_BYTES_PER_SECOND = 5_000;
    private static final int ROLL_MAX = 4;

    private KarafProcess root;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root);
    }

    @Test
    public void runsTwoMinutesWithoutATerminalAnsweringItsShellAndDashboardThenStopsOnSigterm() throws Exception {
        int http = Ports.free();
        root = new KarafProcess("service")
                .withLaunchArguments("server")
                .withEnvironment("JAVA_HOME", null)
                .withJavaOpts("")
                .withConfig("org.kervi.ipc", CrossInstanceIT.ipc("hub", Ports.free()))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", Map.of("appId", "fan-demo", "name", "Fan demo",
                        "modules", "sensors, controllers",
                        "module.sensors.features", "kervi-example-sensors-simulated",
                        "module.controllers.features", "kervi-example-controllers"))
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(http)))
                .withBootFeatures("kervi-ipc", "kervi-example-app", "kervi-dashboard", "kervi-history");
        root.launch();

        ReadyLine ready = ReadyLine.await(root, root.consoleLog(), Duration.ofSeconds(180));
        log("on the JVM's stdout: " + ready.line());
        assertEquals("Fan demo", ready.application());
        assertTrue(ready.dashboard(), ready.dashboard().endsWith(":" + http + "/kervi/"));
        String console = read(root.consoleLog());
        for (String symptom : List.of("JAVA_HOME not set", "Unable to create a system terminal", "karaf@root")) {
            assertFalse("console output has '" + symptom + "':\n" + console, console.contains(symptom));
        }

        DashboardClient dashboard = new DashboardClient("http://127.0.0.1:" + http + "/kervi/");
        assertEquals(200, dashboard.login("karaf", "karaf").status());
        long rootPid = root.pid();
        long soakStart = System.nanoTime();
        long lastBytes = logBytes();
        long firstBytes = lastBytes;
        long lastAt = soakStart;
        List<Long> modulePids = List.of();
        while (true) {
            assertTrue("the root JVM is gone", root.isAlive() && ProcessHandle.of(rootPid).isPresent());
            String modules = root.execute("kervi:modules --no-format");
            assertEquals(modules, "running", FanDemoIT.cell(modules, "sensors", 2));
            assertEquals(modules, "running", FanDemoIT.cell(modules, "controllers", 2));
            modulePids = List.of(Long.parseLong(FanDemoIT.cell(modules, "sensors", 3)),
                    Long.parseLong(FanDemoIT.cell(modules, "controllers", 3)));
            DashboardClient.Reply model = dashboard.get("api/model");
            assertEquals(model.toString(), 200, model.status());
            JsonObject values = model.json().getAsJsonObject("values");
            assertTrue(model.toString(), values.has("cpu_load") && values.has("fan_controller.fan_speed"));

            long now = System.nanoTime();
            long bytes = logBytes();
            double rate = (bytes - lastBytes) / ((now - lastAt) / 1e9);
            assertTrue(String.format(Locale.ROOT, "logs grew %.0f B/s over the last %d s", rate,
                    (now - lastAt) / 1_000_000_000L), rate < MAX_LOG_BYTES_PER_SECOND);
            lastBytes = bytes;
            lastAt = now;
            if (now - soakStart >= SOAK.toNanos()) {
                break;
            }
            Thread.sleep(Math.min(POLL_EVERY.toMillis(), (SOAK.toNanos() - (now - soakStart)) / 1_000_000 + 1));
        }
        log(String.format(Locale.ROOT, "%d s without a terminal; all logs grew %.0f B/s on average",
                (System.nanoTime() - soakStart) / 1_000_000_000L,
                (lastBytes - firstBytes) / ((lastAt - soakStart) / 1e9)));
        DashboardClient late = new DashboardClient(dashboard.base());
        assertEquals("a new login at the end", 200, late.login("karaf", "karaf").status());
        assertEquals(200, late.get("api/model").status());

        // what systemd (KillMode=mixed) and demo.sh's Ctrl-C do: SIGTERM to the root JVM only
        ProcessHandle.of(rootPid).orElseThrow().destroy();
        assertTrue("the root JVM still runs " + TIMEOUT + " after SIGTERM",
                ProcessHandle.of(rootPid).map(h -> awaitExit(h, TIMEOUT)).orElse(true));
        String karafLog = read(root.karafLog());
        assertTrue("app_exit did not run:\n" + KarafProcess.tail(root.karafLog(), 30),
                karafLog.contains("app_exit returned"));
        for (long pid : modulePids) {
            ProcessHandle.of(pid).ifPresent(h -> assertTrue("module JVM " + pid + " outlived the root",
                    awaitExit(h, Duration.ofSeconds(20))));
        }
    }

    @Test
    public void logsRollAtTheirSizeAndKeepABoundedNumberOfFiles() throws Exception {
        root = new KarafProcess("rolling")
                .withConfig("org.ops4j.pax.logging", Map.of("log4j2.appender.rolling.policies.size.size", "16KB"))
                .start();
        Path logs = root.karafLog().getParent();
        Path oldest = logs.resolve("karaf.log." + ROLL_MAX);
        String filler = "x".repeat(400);
        String hundredLines = "each [1 2 3 4 5 6 7 8 9 10] { each [1 2 3 4 5 6 7 8 9 10] { log:log \"" + filler
                + "\" } }";
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> oldestSeen = new ArrayList<>();
        while (oldestSeen.size() < 3) { // the oldest file replaced twice: rolled beyond the limit
            assertTrue("karaf.log did not roll " + (ROLL_MAX + 2) + " times within " + TIMEOUT + ": "
                    + fileNames(logs), System.nanoTime() < deadline);
            root.execute(hundredLines);
            if (Files.exists(oldest)) {
                String first = firstLine(oldest);
                if (!oldestSeen.contains(first)) {
                    oldestSeen.add(first);
                }
            }
        }
        List<String> files = fileNames(logs);
        assertTrue(files.toString(), files.containsAll(List.of("karaf.log", "karaf.log.1", "karaf.log." + ROLL_MAX)));
        assertFalse(files.toString(), files.contains("karaf.log." + (ROLL_MAX + 1)));
        for (String f : files) {
            assertTrue(f + " is larger than its roll size", Files.size(logs.resolve(f)) < 16 * 1024 + 1024);
        }
        assertTrue("karaf.log.1 holds the newest rolled lines, karaf.log." + ROLL_MAX + " the oldest",
                timestamp(firstLine(oldest)).compareTo(timestamp(lastLine(logs.resolve("karaf.log.1")))) < 0);
    }

    /** Bytes in every log of the application: the root's stdout and karaf.log, the module instances' logs. */
    private long logBytes() throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(root.karafLog().getParent()));
        try (Stream<Path> instances = Files.list(root.home().resolve("instances"))) {
            instances.filter(Files::isDirectory).map(i -> i.resolve("data/log")).forEach(dirs::add);
        }
        long total = Files.size(root.consoleLog());
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                total += files.filter(f -> f.getFileName().toString().startsWith("karaf.log"))
                        .mapToLong(f -> f.toFile().length()).sum();
            } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
                // a module instance being made
            }
        }
        return total;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.findFirst().orElse("");
        }
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** The ISO-8601 time a karaf.log line starts with. */
    private static String timestamp(String line) {
        return line.length() < 23 ? line : line.substring(0, 23);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void log(String message) {
        System.out.println("[ServiceModeIT] " + message);
    }
}
