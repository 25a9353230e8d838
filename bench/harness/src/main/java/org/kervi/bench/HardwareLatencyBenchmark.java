package org.kervi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.kervi.bench.Bench.Stats;
import org.kervi.testkit.KarafProcess;

/**
 * Mock input edge → linked value in another instance, against a plain value event on the same path, one run. Three
 * real Karaf instances: R = IPC hub only; M = client with {@code kervi-devices-pi4j} on the mock platform, the GPIO
 * channel {@code bench_edge} (digital input, gpio 17, debounce from {@code kervi.bench.debounce}, default 0),
 * {@code bench_edges} and {@code bench_source}; C = client with {@code bench_edge_sink} (a boolean value linked to
 * {@code bench_edge}) and {@code bench_sink} (linked to {@code bench.stamp}). Both paths are M → R → C.
 *
 * <p>Each round: {@code bench_source.burst RATE COUNT} in M, latencies from {@code bench_sink.stats} in C (the IPC
 * benchmark's method); then {@code bench_edges.toggle 17 COUNT RATE} in M (edge stamped just before the mock pin
 * moves) and {@code bench_edge_sink.save} in C (arrival stamped in the value's listener), paired edge by edge.
 * System properties: {@code kervi.bench.edges} (2000), {@code kervi.bench.edgeRate} (100 per second),
 * {@code kervi.bench.rounds} (2), {@code kervi.bench.debounce} (0 ms), {@code kervi.bench.javaOpts}.
 */
public final class HardwareLatencyBenchmark {
    static final String CHANNEL = "bench_edge";
    static final int PIN = 17;
    static final int WARMUP_RATE = 1_000;
    static final int WARMUP_COUNT = 10_000;
    /** Three instances booting at once on a loaded 2-core machine. */
    static final Duration START = Duration.ofMinutes(5);

    private final int count = Integer.getInteger("kervi.bench.edges", 2_000);
    private final int rate = Integer.getInteger("kervi.bench.edgeRate", 100);
    private final int rounds = Integer.getInteger("kervi.bench.rounds", 2);
    private final int debounce = Integer.getInteger("kervi.bench.debounce", 0);
    private final List<Stats[]> results = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        HardwareLatencyBenchmark bench = new HardwareLatencyBenchmark();
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        bench.run();
        Bench.publish("hardware-latency", "Mock input edge → linked value in another instance", machine,
                bench.table());
        System.exit(0);
    }

    void run() throws Exception {
        Path probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "");
        int hubPort = Bench.freePort();
        Map<String, String> ipc = Map.of("host", "127.0.0.1", "port", Integer.toString(hubPort), "bindAddress",
                "127.0.0.1", "secret", UUID.randomUUID().toString(), "applicationId", "bench");
        KarafProcess r = null;
        KarafProcess m = null;
        KarafProcess c = null;
        try {
            r = new KarafProcess("bench-r").withJavaOpts(javaOpts)
                    .withConfig("org.kervi.core", Map.of("instanceId", "r"))
                    // the source runs in module M: no event rate limit, so the bench measures the link, not the quota
                    .withConfig("org.kervi.ipc", IpcBenchmark.with(IpcBenchmark.with(ipc, "role", "hub"),
                            "maxValueEventsPerSecond", "0"));
            m = new KarafProcess("bench-m").withJavaOpts(javaOpts)
                    .withConfig("org.kervi.core", Map.of("instanceId", "m"))
                    .withConfig("org.kervi.ipc", IpcBenchmark.with(ipc, "role", "client"))
                    .withConfig("org.kervi.hardware", Map.of("platform", "mock"))
                    .withConfig("org.kervi.gpio.channel-" + CHANNEL, Map.of("id", CHANNEL, "kind", "digital-input",
                            "pin", Integer.toString(PIN), "debounce", Integer.toString(debounce)))
                    .withConfig("org.kervi.bench.edges", Map.of("role", "edges"))
                    .withConfig("org.kervi.bench.source", Map.of("role", "source"));
            c = new KarafProcess("bench-c").withJavaOpts(javaOpts)
                    .withConfig("org.kervi.core", Map.of("instanceId", "c"))
                    .withConfig("org.kervi.ipc", IpcBenchmark.with(ipc, "role", "client"))
                    .withConfig("org.kervi.bench.edgesink", Map.of("role", "edgesink"))
                    .withConfig("org.kervi.bench.sink", Map.of("role", "sink"));
            for (KarafProcess k : List.of(r, m, c)) {
                k.withStartTimeout(START);
            }
            for (KarafProcess k : List.of(m, c)) {
                Files.createDirectories(k.home().resolve("deploy"));
                Files.copy(probe, k.home().resolve("deploy").resolve(probe.getFileName()));
            }
            System.out.println("[hardware] starting R (hub, port " + hubPort + "), M (mock gpio " + PIN
                    + ", debounce " + debounce + " ms) and C");
            KarafProcess.startAll(r, m, c);
            r.execute("feature:install kervi-ipc", IpcBenchmark.LONG);
            m.execute("feature:install kervi-ipc kervi-devices-pi4j", IpcBenchmark.LONG);
            c.execute("feature:install kervi-ipc", IpcBenchmark.LONG);
            m.awaitOutput("kervi:actions", o -> o.contains("bench_edges.toggle") && o.contains("bench_source.burst"),
                    START);
            c.awaitOutput("kervi:values", o -> o.contains(CHANNEL) && o.contains("bench.stamp"),
                    START);
            c.awaitOutput("kervi:links", o -> o.contains(CHANNEL) && o.contains("bench.stamp")
                    && !o.contains("unresolved"), Duration.ofSeconds(30));
            System.out.println("[hardware] M: " + m.execute("kervi:hardware --no-format").trim());

            System.out.println("[hardware] warm-up: " + WARMUP_COUNT + " value events at " + WARMUP_RATE + "/s, then"
                    + " edges");
            IpcBenchmark.action(m, "bench_source.burst " + WARMUP_RATE + " " + WARMUP_COUNT);
            // a debounced channel merges edges closer than its debounce time: warm it up for 10 s at the measured rate
            edges(m, c, debounce == 0 ? WARMUP_RATE : rate, debounce == 0 ? WARMUP_COUNT : 10 * rate, "warmup");
            for (int round = 1; round <= rounds; round++) {
                IpcBenchmark.action(c, "bench_sink.reset");
                IpcBenchmark.action(m, "bench_source.burst " + rate + " " + count);
                Stats value = IpcBenchmark.awaitSinkCount(c, count, Duration.ofSeconds(60));
                System.out.println("[hardware] round " + round + " value event: " + value);
                Stats edge = edges(m, c, rate, count, "round" + round);
                System.out.println("[hardware] round " + round + " edge → linked value: " + edge);
                results.add(new Stats[] {edge, value});
            }
        } finally {
            KarafProcess.closeAll(r, m, c);
        }
    }

    private Stats edges(KarafProcess m, KarafProcess c, int edgeRate, int edges, String name) throws Exception {
        IpcBenchmark.action(c, "bench_edge_sink.reset");
        IpcBenchmark.action(m, "bench_edges.toggle " + PIN + " " + edges + " " + edgeRate + " edges-" + name
                + ".txt");
        c.awaitOutput("kervi:action bench_edge_sink.count",
                o -> o.trim().matches("[0-9]+") && Integer.parseInt(o.trim()) >= edges, Duration.ofSeconds(60));
        IpcBenchmark.action(c, "bench_edge_sink.save arrivals-" + name + ".txt");
        return EdgeLatencies.pair(m.home().resolve("data/edges-" + name + ".txt"),
                c.home().resolve("data/arrivals-" + name + ".txt"));
    }

    String table() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%d edges / value events per round at %d/s,"
                + " channel debounce %d ms; path M → R (hub) → C for both.%n%n", count, rate, debounce));
        t.append("| round | figure | edge → linked value (µs) | value event, same path (µs) | ratio |\n"
                + "|---|---|---|---|---|\n");
        for (int i = 0; i < results.size(); i++) {
            Stats edge = results.get(i)[0];
            Stats value = results.get(i)[1];
            row(t, i + 1, "p50", edge.p50us(), value.p50us());
            row(t, i + 1, "p99", edge.p99us(), value.p99us());
            row(t, i + 1, "max", edge.maxus(), value.maxus());
            t.append(String.format(Locale.ROOT, "| %d | received | %d of %d | %d of %d | |%n", i + 1, edge.count(),
                    count, value.count(), count));
        }
        return t.toString();
    }

    private static void row(StringBuilder t, int round, String figure, double edge, double value) {
        t.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.2f× |%n", round, figure, edge, value,
                edge / value));
    }
}
