package org.kervi.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.kervi.bench.Bench.Stats;
import org.kervi.testkit.KarafProcess;

/**
 * Action-link latency (issue 13): value set → start of the linked action's body, one run, against a raw TCP round
 * trip measured in the same run ({@link RawPeerLink}). Two real Karaf instances: A = hub with
 * {@code bench_link_source} and the target {@code bench_link_a}; B = client with the target {@code bench_link_b}.
 * Every link is an operator's factory configuration ({@code org.kervi.automation.actionlink-<variant>}, trigger
 * {@code > 0}, the value passed):
 *
 * <ul>
 *   <li>{@code local}: value, link and action in A;
 *   <li>{@code remote_value}: value in A, link and action in B (the value event crosses A → hub → B);
 *   <li>{@code remote_action}: value and link in A, action in B (the start crosses, as a run over IPC).
 * </ul>
 *
 * <p>System properties: {@code kervi.bench.linkPulses} (2000 per variant), {@code kervi.bench.linkRate} (100 per
 * second), {@code kervi.bench.javaOpts}.
 */
public final class ActionLinkBenchmark {
    static final List<String> VARIANTS = List.of("local", "remote_value", "remote_action");
    static final int ROUND_TRIPS = 10_000;
    static final Duration START = Duration.ofMinutes(5);

    private final int pulses = Integer.getInteger("kervi.bench.linkPulses", 2_000);
    private final int rate = Integer.getInteger("kervi.bench.linkRate", 100);
    private final Map<String, Stats> results = new LinkedHashMap<>();
    private Stats raw;

    public static void main(String[] args) throws Exception {
        ActionLinkBenchmark bench = new ActionLinkBenchmark();
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        bench.runRaw();
        bench.run();
        String report = "# Action link: value set → action start\n\nMachine: " + machine
                + "\n\nLoad average at the end: " + Bench.loadAverage() + "\n\n" + bench.table();
        System.out.println();
        System.out.println(report);
        System.out.println("[bench] report written to " + Bench.writeReport("action-links", report));
        System.exit(0);
    }

    void runRaw() throws Exception {
        try (RawPeerLink link = RawPeerLink.start()) {
            raw = link.roundTrips(ROUND_TRIPS);
            System.out.println("[raw] round trip: " + raw);
        }
    }

    void run() throws Exception {
        var probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "");
        int hubPort = Bench.freePort();
        Map<String, String> ipc = Map.of("host", "127.0.0.1", "port", Integer.toString(hubPort), "bindAddress",
                "127.0.0.1", "secret", UUID.randomUUID().toString(), "applicationId", "bench");
        KarafProcess a = null;
        KarafProcess b = null;
        try {
            a = new KarafProcess("bench-a").withJavaOpts(javaOpts).withStartTimeout(START)
                    .withConfig("org.kervi.core", Map.of("instanceId", "a"))
                    .withConfig("org.kervi.ipc", IpcBenchmark.with(IpcBenchmark.with(ipc, "role", "hub"),
                            "maxValueEventsPerSecond", "0"))
                    .withConfig("org.kervi.bench.linksource", Map.of("role", "linksource"))
                    .withConfig("org.kervi.bench.linktarget", Map.of("id", "bench_link_a"))
                    .withConfig("org.kervi.automation.actionlink-local", link("local", "bench_link_a"))
                    .withConfig("org.kervi.automation.actionlink-remote_action", link("remote_action",
                            "bench_link_b"));
            b = new KarafProcess("bench-b").withJavaOpts(javaOpts).withStartTimeout(START)
                    .withConfig("org.kervi.core", Map.of("instanceId", "b"))
                    .withConfig("org.kervi.ipc", IpcBenchmark.with(ipc, "role", "client"))
                    .withConfig("org.kervi.bench.linktarget", Map.of("id", "bench_link_b"))
                    .withConfig("org.kervi.automation.actionlink-remote_value", link("remote_value",
                            "bench_link_b"));
            for (KarafProcess k : List.of(a, b)) {
                Files.createDirectories(k.home().resolve("deploy"));
                Files.copy(probe, k.home().resolve("deploy").resolve(probe.getFileName()));
            }
            System.out.println("[links] starting A (hub, port " + hubPort + ") and B");
            KarafProcess.startAll(a, b);
            a.execute("feature:install kervi-ipc kervi-automation", IpcBenchmark.LONG);
            b.execute("feature:install kervi-ipc kervi-automation", IpcBenchmark.LONG);
            a.awaitOutput("kervi:actions", o -> o.contains("bench_link_b.hit") && o.contains("bench_link_a.hit"),
                    START);
            b.awaitOutput("kervi:values", o -> o.contains("bench_link.remote_value"), START);
            System.out.println("[links] A: " + a.execute("kervi:action-links --no-format").trim());
            System.out.println("[links] B: " + b.execute("kervi:action-links --no-format").trim());
            for (String variant : VARIANTS) {
                measure(a, variant, "warmup", pulses / 2);
            }
            for (String variant : VARIANTS) {
                results.put(variant, measure(a, variant, "measured", pulses));
            }
            System.out.println("[links] A: " + a.execute("kervi:action-links --no-format").trim());
            System.out.println("[links] B: " + b.execute("kervi:action-links --no-format").trim());
        } finally {
            KarafProcess.closeAll(a, b);
        }
    }

    private static Map<String, String> link(String variant, String target) {
        return Map.of("value", "bench_link." + variant, "trigger", "> 0", "action", target + ".hit", "passValue",
                "true");
    }

    private Stats measure(KarafProcess a, String variant, String phase, int count) {
        String target = variant.equals("local") ? "bench_link_a" : "bench_link_b";
        IpcBenchmark.action(a, target + ".reset");
        String achieved = IpcBenchmark.action(a, "bench_link_source.pulse " + variant + " " + rate + " " + count);
        try {
            a.awaitOutput("kervi:action " + target + ".count",
                    o -> o.trim().matches("[0-9]+") && Integer.parseInt(o.trim()) >= count, Duration.ofSeconds(30));
        } catch (AssertionError | RuntimeException e) {
            System.out.println("[links] " + variant + ": not every pulse started the action: " + e.getMessage());
        }
        Stats stats = Stats.parse(IpcBenchmark.action(a, target + ".stats"));
        System.out.printf(Locale.ROOT, "[links] %s %s (achieved %s/s): %s%n", variant, phase, achieved.trim(), stats);
        return stats;
    }

    String table() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%d pulses per variant at %d/s (value set to"
                + " nanoTime, then 0 half a period later); latency = action body start − value set; raw = TCP"
                + " request/response round trip with Kervi's framing, same run.%n%n", pulses, rate));
        t.append("| variant | p50 (µs) | p99 (µs) | max (µs) | started | p50 / raw RT p50 | p99 / raw RT p99 |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Stats> e : results.entrySet()) {
            Stats s = e.getValue();
            t.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d of %d | %.1f× | %.1f× |%n", e.getKey(),
                    s.p50us(), s.p99us(), s.maxus(), s.count(), pulses, s.p50us() / raw.p50us(),
                    s.p99us() / raw.p99us()));
        }
        t.append(String.format(Locale.ROOT, "| raw TCP round trip | %.0f | %.0f | %.0f | %d | 1× | 1× |%n",
                raw.p50us(), raw.p99us(), raw.maxus(), raw.count()));
        return t.toString();
    }
}
