package org.kervi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.kervi.testkit.KarafProcess;
import org.kervi.testkit.ReadyLine;

/**
 * Footprint benchmark: the fan demo as {@code ./demo.sh} runs it (docs/operators.md "Applications"): a root instance
 * (hub, {@code readyOnStart=false}, booting {@code kervi-ipc}, {@code kervi-example-app} and {@code kervi-dashboard},
 * started with {@code bin/karaf daemon}, stdin at EOF) with the modules {@code sensors} and {@code controllers}.
 * Runs one or more scenarios one after the other (issue 15: the module instances' JVM options before and after the
 * tuning, {@code sensors} in a child instance or shared in the root); per scenario it measures "demo up" (the
 * root's launch until its ready line on stdout), then after a settle time the RSS and PSS of the root and of each
 * module JVM, where the memory goes ({@code jcmd}; with {@code kervi.bench.nmt} Native Memory Tracking), stops
 * everything and checks that no JVM of the root's folder is left.
 *
 * <p>Run with {@code bench/run-footprint.sh}. System properties: {@code kervi.distribution},
 * {@code kervi.bench.javaOpts} (the root's EXTRA_JAVA_OPTS, empty = distribution default),
 * {@code kervi.bench.settleSeconds} (default 60), {@code kervi.bench.scenarios} (comma separated, default
 * {@code before,after,after-shared}), {@code kervi.bench.moduleJavaOpts.before} (default {@link #BEFORE_OPTS}),
 * {@code kervi.bench.moduleJavaOpts.after} (default: none set, i.e. the application's {@code moduleJavaOpts}),
 * {@code kervi.bench.moduleRuntimeFeatures.before} (default {@link #BEFORE_RUNTIME_FEATURES}),
 * {@code kervi.bench.prepare.before} / {@code .after} (whether module instances are prepared: default false before,
 * true after),
 * {@code kervi.bench.nmt} (true: module JVMs run with {@code -XX:NativeMemoryTracking=summary}; costs ≈ 1–2 MiB
 * each, so take the RSS/PSS figures from a run without it).
 */
public final class FootprintBenchmark {
    static final long ROOT_TARGET_KIB = 256 * 1024;
    static final long MODULE_RSS_TARGET_KIB = 96 * 1024;
    static final long MODULE_PSS_TARGET_KIB = 80 * 1024;
    static final double UP_TARGET_SECONDS = 20;
    /** The module instances' JVM options before issue 15's tuning. */
    static final String BEFORE_OPTS = "-Xms16m -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k"
            + " -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m";
    /** What module instances booted besides their own features before issue 15. */
    static final String BEFORE_RUNTIME_FEATURES = "kervi-shell, kervi-ipc, kervi-app";

    /** One configuration of the demo: the modules' JVM options and runtime features, where sensors runs. */
    record Scenario(String name, String moduleJavaOpts, String runtimeFeatures, boolean sensorsShared,
            boolean prepared) {
        static Scenario named(String name) {
            boolean before = name.startsWith("before");
            String opts = System.getProperty("kervi.bench.moduleJavaOpts." + (before ? "before" : "after"),
                    before ? BEFORE_OPTS : "");
            String features = System.getProperty("kervi.bench.moduleRuntimeFeatures." + (before ? "before"
                    : "after"), before ? BEFORE_RUNTIME_FEATURES : "");
            if (!before && !name.startsWith("after")) {
                throw new IllegalArgumentException("scenario '" + name + "': use before, after, before-shared or"
                        + " after-shared");
            }
            boolean prepared = Boolean.parseBoolean(System.getProperty("kervi.bench.prepare." + (before ? "before"
                    : "after"), Boolean.toString(!before)));
            return new Scenario(name, opts, features, name.endsWith("-shared"), prepared);
        }

        String describe() {
            return (sensorsShared ? "sensors shared in the root, controllers in a child instance"
                    : "sensors and controllers in child instances") + "; module JVM options: "
                    + (moduleJavaOpts.isBlank() ? "the application's default" : "`" + moduleJavaOpts + "`")
                    + "; module runtime features: " + (runtimeFeatures.isBlank() ? "the application's default"
                            : "`" + runtimeFeatures + "`") + "; module instances " + (prepared
                                    ? "prepared (booted once to install their features, then for the module)"
                                    : "booted once (prepareModuleInstances = false)");
        }
    }

    public static void main(String[] args) throws Exception {
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        int settle = Integer.getInteger("kervi.bench.settleSeconds", 60);
        boolean nmt = Boolean.getBoolean("kervi.bench.nmt");
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "");
        StringBuilder report = new StringBuilder("# Footprint benchmark (fan demo as an application)\n\nMachine: ")
                .append(machine).append("\n\nSettle time before measuring: ").append(settle)
                .append(" s. Root EXTRA_JAVA_OPTS: ")
                .append(javaOpts.isBlank() ? "distribution default (bin/setenv)" : javaOpts)
                .append(nmt ? ". Module JVMs with -XX:NativeMemoryTracking=summary" : "").append(".\n\n");
        StringBuilder table = new StringBuilder("| scenario | instance | pid | RSS | PSS | target (RSS / PSS) | met |\n"
                + "|---|---|---|---|---|---|---|\n");
        StringBuilder details = new StringBuilder();
        boolean leftovers = false;
        for (String name : System.getProperty("kervi.bench.scenarios", "before,after,after-shared").split(",")) {
            Scenario scenario = Scenario.named(name.trim());
            System.out.println("[footprint] scenario " + scenario.name() + ": " + scenario.describe());
            leftovers |= run(scenario, settle, nmt, javaOpts, table, details);
        }
        report.append(table).append("\n").append(details);
        System.out.println();
        System.out.println(report);
        System.out.println("[bench] report written to " + Bench.writeReport("footprint", report.toString()));
        System.exit(leftovers ? 2 : 0);
    }

    /** Runs one scenario, adds its rows and details; true when a JVM was left running. */
    private static boolean run(Scenario scenario, int settle, boolean nmt, String javaOpts, StringBuilder table,
            StringBuilder report) throws Exception {
        // a generous startup timeout: on a saturated machine module JVMs took over a minute to report ready
        Map<String, String> app = new LinkedHashMap<>(Map.of("appId", "fan-demo", "name", "Fan demo",
                "startupTimeoutSeconds", "240", "modules", "sensors, controllers",
                "module.sensors.features", "kervi-example-sensors",
                "module.controllers.features", "kervi-example-controllers"));
        if (scenario.sensorsShared()) {
            app.put("module.sensors.isolation", "shared");
        }
        String moduleOpts = (scenario.moduleJavaOpts() + (nmt ? " -XX:NativeMemoryTracking=summary" : "")).trim();
        if (!moduleOpts.isBlank()) {
            app.put("moduleJavaOpts", moduleOpts);
        }
        if (!scenario.prepared()) {
            app.put("prepareModuleInstances", "false");
        }
        if (!scenario.runtimeFeatures().isBlank()) {
            app.put("moduleRuntimeFeatures", scenario.runtimeFeatures());
        }
        KarafProcess root = new KarafProcess("fp-" + scenario.name()).withJavaOpts(javaOpts)
                .withConfig("org.kervi.ipc", Map.of("role", "hub", "port", Integer.toString(Bench.freePort()),
                        "secret", UUID.randomUUID().toString(), "applicationId", "fan-demo"))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", app)
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port",
                        Integer.toString(Bench.freePort())))
                .withBootFeatures("kervi-ipc", "kervi-example-app", "kervi-dashboard")
                .withReadyFeatures("kervi-core", "kervi-shell", "kervi-ipc", "kervi-example-app", "kervi-dashboard");
        Path home = root.home();
        report.append("## Scenario `").append(scenario.name()).append("`\n\n").append(scenario.describe())
                .append(".\n\n");
        try {
            String loadAverage = Bench.loadAverage();
            long t0 = System.nanoTime();
            root.launch();
            ReadyLine ready = ReadyLine.await(root, root.consoleLog(), Duration.ofMinutes(6));
            double appMainSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "[footprint] ready line on stdout %.1f s after launch: %s%n",
                    appMainSeconds, ready.line());
            root.awaitReady();
            String modules = root.awaitOutput("kervi:modules --no-format",
                    o -> count(o, "running") >= 2, Duration.ofMinutes(4));
            System.out.println("[footprint] app.state = " + root.execute("kervi:value-get app.state").trim() + "\n"
                    + modules);
            System.out.println("[footprint] settling " + settle + " s");
            Bench.sleep(settle * 1000L);
            String loadAtMeasure = Bench.loadAverage();
            modules = root.execute("kervi:modules --no-format");
            Map<String, Long> pids = modulePids(modules);
            pids.values().removeIf(pid -> pid == root.pid());
            long rootRss = root.rssKiB();
            String rootName = "root (hub, app, example-app, dashboard" + (scenario.sensorsShared() ? ", sensors)" : ")");
            table.append(String.format(Locale.ROOT, "| %s | demo up: launch → ready line | | %.1f s | | ≤ %.0f s | %s |%n",
                    scenario.name(), appMainSeconds, UP_TARGET_SECONDS, appMainSeconds <= UP_TARGET_SECONDS ? "yes" : "NO"));
            table.append("| ").append(scenario.name()).append(" | ").append(rootName).append(" | ").append(root.pid())
                    .append(" | ").append(Bench.mib(rootRss)).append(" | ").append(Bench.mib(root.pssKiB()))
                    .append(" | ≤ 256 MiB RSS | ").append(rootRss <= ROOT_TARGET_KIB ? "yes" : "NO").append(" |\n");
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                long pid = e.getValue();
                long rss = Bench.procKiB(pid, "status", "VmRSS:");
                long pss = Bench.procKiB(pid, "smaps_rollup", "Pss:");
                boolean met = rss >= 0 && rss <= MODULE_RSS_TARGET_KIB && pss >= 0 && pss <= MODULE_PSS_TARGET_KIB;
                table.append("| ").append(scenario.name()).append(" | module ").append(e.getKey()).append(" | ")
                        .append(pid).append(" | ").append(Bench.mib(rss)).append(" | ").append(Bench.mib(pss))
                        .append(" | ≤ 96 / ≤ 80 MiB | ").append(met ? "yes" : "NO").append(" |\n");
            }
            report.append("Ready line: `").append(ready.line()).append("`. Load average at launch: ")
                    .append(loadAverage).append("; when measured: ").append(loadAtMeasure).append(".\n\n")
                    .append("`kervi:modules --no-format`:\n\n```\n").append(modules.trim())
                    .append("\n```\n\nJVM command lines (memory options):\n\n");
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                String cmd = ProcessHandle.of(e.getValue()).flatMap(h -> h.info().commandLine()).orElse("?");
                report.append("- ").append(e.getKey()).append(": `").append(memoryOptions(cmd)).append("`\n");
            }
            report.append("- root: `").append(memoryOptions(ProcessHandle.of(root.pid())
                    .flatMap(h -> h.info().commandLine()).orElse("?"))).append("`\n");
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                Path bundles = home.resolve("instances").resolve(e.getKey());
                report.append("- ").append(e.getKey()).append(" boots: `")
                        .append(bootFeatures(bundles)).append("`\n");
            }
            // where the memory goes (after the RSS was taken: attaching jcmd adds a thread)
            Map<String, Long> all = new LinkedHashMap<>();
            all.put("root", root.pid());
            all.putAll(pids);
            for (Map.Entry<String, Long> e : all.entrySet()) {
                long pid = e.getValue();
                report.append("\n").append(e.getKey()).append(" (pid ").append(pid).append("): threads ")
                        .append(Bench.procKiB(pid, "status", "Threads:")).append(", RssAnon ")
                        .append(Bench.mib(Bench.procKiB(pid, "status", "RssAnon:"))).append(", RssFile ")
                        .append(Bench.mib(Bench.procKiB(pid, "status", "RssFile:"))).append("\n\n```\n")
                        .append(jcmd(pid, "GC.heap_info").trim()).append("\n")
                        .append(firstLines(jcmd(pid, "VM.metaspace", "basic"), 12).trim()).append("\n");
                if (nmt && !e.getKey().equals("root")) {
                    report.append(nmtSummary(jcmd(pid, "VM.native_memory", "summary", "scale=KB"))).append("\n");
                }
                report.append("```\n");
            }
        } finally {
            root.close();
            Bench.sleep(1000);
        }
        List<String> left = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> h.info().commandLine()
                .filter(c -> c.contains(home.toString()))
                .ifPresent(c -> left.add(h.pid() + " " + c)));
        report.append("\nAfter stop: ").append(left.isEmpty() ? "no JVM of the root's folder is left running."
                : "JVMs LEFT RUNNING: " + left).append("\n\n");
        return !left.isEmpty();
    }

    /** The boot features a module instance was given (its features.cfg), or why they are not known. */
    private static String bootFeatures(Path instanceHome) {
        try {
            for (String line : Files.readAllLines(instanceHome.resolve("etc/org.apache.karaf.features.cfg"))) {
                if (line.trim().startsWith("featuresBoot")) {
                    return line.trim();
                }
            }
            return "(no featuresBoot)";
        } catch (IOException e) {
            return "(not read: " + e + ")";
        }
    }

    /** The NMT summary's category lines (reserved / committed), without the per-arena detail. */
    static String nmtSummary(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Total:") || (t.startsWith("-") && t.contains("(reserved="))) {
                b.append(t.replaceAll("\\s+", " ")).append('\n');
            }
        }
        return b.length() == 0 ? text.trim() : b.toString().trim();
    }

    /** Module name → pid from {@code kervi:modules --no-format} (tab-separated, pid in the 4th column). */
    static Map<String, Long> modulePids(String table) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String line : table.split("\n")) {
            String[] cols = line.trim().split("\\s*[\\t│|]\\s*");
            if (cols.length >= 4 && cols[3].matches("\\d+")) {
                pids.put(cols[0], Long.parseLong(cols[3]));
            }
        }
        return pids;
    }

    private static String jcmd(long pid, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "(jcmd failed: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    private static String firstLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(n, lines.length)));
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    private static String memoryOptions(String commandLine) {
        StringBuilder b = new StringBuilder();
        for (String part : commandLine.split(" ")) {
            if (part.startsWith("-Xm") || part.startsWith("-Xss") || part.startsWith("-XX:")) {
                b.append(part).append(' ');
            }
        }
        return b.toString().trim();
    }
}
