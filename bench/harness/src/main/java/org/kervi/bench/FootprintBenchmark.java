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
 * started with {@code bin/karaf daemon}, stdin at EOF) with the modules {@code sensors} and {@code controllers} in
 * child instances. Measures "demo up": from the root's launch until its ready line arrives on its stdout, then
 * after a settle time the RSS and PSS of the root and of each module JVM; stops everything and checks that no JVM
 * of the root's folder is left.
 *
 * <p>Run with {@code bench/run-footprint.sh}. System properties: {@code kervi.distribution},
 * {@code kervi.bench.javaOpts} (the root's EXTRA_JAVA_OPTS, empty = distribution default),
 * {@code kervi.bench.settleSeconds} (default 60).
 */
public final class FootprintBenchmark {
    static final long ROOT_TARGET_KIB = 256 * 1024;
    static final long MODULE_TARGET_KIB = 128 * 1024;
    static final double UP_TARGET_SECONDS = 20;

    public static void main(String[] args) throws Exception {
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        int settle = Integer.getInteger("kervi.bench.settleSeconds", 60);
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "");
        StringBuilder report = new StringBuilder("# Footprint benchmark (fan demo as an application)\n\nMachine: ")
                .append(machine).append("\n\n");
        KarafProcess root = new KarafProcess("fp-root").withJavaOpts(javaOpts)
                .withConfig("org.kervi.ipc", Map.of("role", "hub", "port", Integer.toString(Bench.freePort()),
                        "secret", UUID.randomUUID().toString(), "applicationId", "fan-demo"))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", Map.of("appId", "fan-demo", "name", "Fan demo",
                        "modules", "sensors, controllers",
                        "module.sensors.features", "kervi-example-sensors",
                        "module.controllers.features", "kervi-example-controllers"))
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port",
                        Integer.toString(Bench.freePort())))
                .withBootFeatures("kervi-ipc", "kervi-example-app", "kervi-dashboard")
                .withReadyFeatures("kervi-core", "kervi-shell", "kervi-ipc", "kervi-example-app", "kervi-dashboard");
        Path home = root.home();
        boolean leftovers;
        try {
            String loadAverage = Bench.loadAverage();
            long t0 = System.nanoTime();
            root.launch();
            ReadyLine ready = ReadyLine.await(root, root.consoleLog(), Duration.ofMinutes(3));
            double appMainSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "[footprint] ready line on stdout %.1f s after launch: %s%n",
                    appMainSeconds, ready.line());
            root.awaitReady();
            double readySeconds = root.lastStartDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
            System.out.printf(Locale.ROOT, "[footprint] root shell + boot features ready after %.1f s%n",
                    readySeconds);
            String modules = root.awaitOutput("kervi:modules --no-format",
                    o -> count(o, "running") >= 2, Duration.ofSeconds(60));
            String state = root.execute("kervi:value-get app.state");
            System.out.println("[footprint] app.state = " + state.trim() + "\n" + modules);
            System.out.println("[footprint] settling " + settle + " s");
            Bench.sleep(settle * 1000L);
            modules = root.execute("kervi:modules --no-format");
            Map<String, Long> pids = modulePids(modules);
            List<String[]> rows = new ArrayList<>();
            long rootRss = root.rssKiB();
            rows.add(new String[] {"root (hub, app, example-app, dashboard)", Long.toString(root.pid()), Bench.mib(rootRss),
                    Bench.mib(root.pssKiB()), "≤ 256 MiB", rootRss <= ROOT_TARGET_KIB ? "yes" : "NO"});
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                long pid = e.getValue();
                long rss = Bench.procKiB(pid, "status", "VmRSS:");
                rows.add(new String[] {"module " + e.getKey(), Long.toString(pid), Bench.mib(rss),
                        Bench.mib(Bench.procKiB(pid, "smaps_rollup", "Pss:")), "≤ 128 MiB",
                        rss >= 0 && rss <= MODULE_TARGET_KIB ? "yes" : "NO"});
            }
            StringBuilder t = new StringBuilder("| figure | pid | RSS | PSS | target | met |\n|---|---|---|---|---|---|\n");
            t.append(String.format(Locale.ROOT, "| demo up: launch → ready line on stdout | | %.1f s | | ≤ %.0f s | %s |%n",
                    appMainSeconds, UP_TARGET_SECONDS, appMainSeconds <= UP_TARGET_SECONDS ? "yes" : "NO"));
            for (String[] r : rows) {
                t.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
            report.append("Ready line: `").append(ready.line()).append("` (its own figure is the root JVM's uptime)."
                    + " Load average at launch: ").append(loadAverage).append(".\n\n");
            report.append("Settle time before measuring: ").append(settle).append(" s. Root EXTRA_JAVA_OPTS: ")
                    .append(javaOpts.isBlank() ? "distribution default (bin/setenv)" : javaOpts).append(".\n\n")
                    .append(t).append("\n`kervi:modules --no-format`:\n\n```\n").append(modules.trim())
                    .append("\n```\n\nModule JVM command lines (memory options):\n\n");
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                String cmd = ProcessHandle.of(e.getValue()).flatMap(h -> h.info().commandLine()).orElse("?");
                report.append("- ").append(e.getKey()).append(": `").append(memoryOptions(cmd)).append("`\n");
            }
            report.append("- root: `").append(memoryOptions(ProcessHandle.of(root.pid())
                    .flatMap(h -> h.info().commandLine()).orElse("?"))).append("`\n");
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
                        .append(firstLines(jcmd(pid, "VM.metaspace", "basic"), 12).trim()).append("\n```\n");
            }
        } finally {
            root.close();
            Bench.sleep(1000);
            List<String> left = new ArrayList<>();
            ProcessHandle.allProcesses().forEach(h -> h.info().commandLine()
                    .filter(c -> c.contains(home.toString()))
                    .ifPresent(c -> left.add(h.pid() + " " + c)));
            leftovers = !left.isEmpty();
            report.append("\nAfter stop: ").append(leftovers ? "JVMs LEFT RUNNING: " + left : "no JVM of the root's "
                    + "folder is left running.").append("\n");
        }
        System.out.println();
        System.out.println(report);
        System.out.println("[bench] report written to " + Bench.writeReport("footprint", report.toString()));
        System.exit(leftovers ? 2 : 0);
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
