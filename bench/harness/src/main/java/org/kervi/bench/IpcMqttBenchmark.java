package org.kervi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.kervi.bench.Bench.Stats;
import org.kervi.testkit.KarafProcess;
import org.kervi.testkit.Mosquitto;

/**
 * IPC benchmark over MQTT, one run through one real Mosquitto: (a) a raw baseline, two Paho MQTT 5 clients in two
 * JVMs ({@link RawPahoLink}) with the transport's QoS and retain flag per message kind; (b) two real Karaf
 * instances with {@code transport = mqtt}, A = {@code bench_source} + {@code bench_ping}, B = {@code bench_sink} +
 * {@code bench_echo}; (c) a table of every figure beside its raw figure, with the ratio and the targets (within
 * 1.5× of raw, ≥ 50,000 events/s sustained, memory bounded).
 *
 * <p>Raw and Kervi alike: after the first warm-up, one unmeasured pass of every phase; then each figure is measured
 * right after a warm-up of its own kind (the same rate and count before each one-way phase,
 * {@code kervi.bench.warmupCalls} calls before the round trips, a flood of the same size before the flood). A
 * figure taken after another kind of traffic pays the JIT's recompiles of the path it now takes
 * (docs/performance.md, run 9). Pacers park rather than spin unless {@code -Dkervi.bench.parkingPacer=false}.
 *
 * <p>Run with {@code bench/run-ipc-mqtt.sh} (see docs/performance.md, "IPC over MQTT"). System properties as
 * {@link IpcBenchmark} ({@code kervi.distribution}, {@code kervi.bench.probe}, {@code kervi.bench.javaOpts},
 * {@code kervi.bench.skipRaw}, {@code kervi.bench.skipKervi}), {@code kervi.bench.flood} (events in the
 * sustained phase, default 1,000,000), {@code kervi.bench.brokerNoDelay} (Mosquitto's {@code set_tcp_nodelay},
 * default true) and {@code kervi.bench.clientNoDelay} (TCP_NODELAY on the raw clients' sockets, default true).
 */
public final class IpcMqttBenchmark {
    /** Events of each warm-up (raw and Kervi alike); {@code -Dkervi.bench.warmupCount} for a longer one. */
    private static final int WARMUP_COUNT = Integer.getInteger("kervi.bench.warmupCount", IpcBenchmark.WARMUP_COUNT);
    /** Calls of each round-trip warm-up (raw and Kervi alike); {@code -Dkervi.bench.warmupCalls} for a longer one. */
    private static final int WARMUP_CALLS = Integer.getInteger("kervi.bench.warmupCalls", 30_000);

    /** The distribution's {@code bin/setenv} default, used when {@code kervi.bench.javaOpts} is not given. */
    private static final String DISTRIBUTION_JAVA_OPTS = "-Xms32m -Xmx192m -XX:+UseParallelGC -XX:GCTimeRatio=12";
    /**
     * Pacers that park instead of spinning (raw and Kervi alike, {@code -Dkervi.bench.parkingPacer=false} to spin):
     * a spinning pacer at 10,000/s takes one of a 2-core machine's cores from the paths it measures.
     */
    private static final boolean PARKING_PACER = Boolean.parseBoolean(System.getProperty("kervi.bench.parkingPacer",
            "true"));

    static final double FACTOR = 1.5;
    static final double SUSTAINED_FLOOR = 50_000;
    static final long MEMORY_LIMIT_KIB = 64 * 1024;
    static final String APPLICATION = "bench";

    private final Map<String, Stats> raw = new LinkedHashMap<>();
    private final Map<String, Stats> kervi = new LinkedHashMap<>();
    private final List<ProcessMemory> memory = new ArrayList<>();
    private final StringBuilder notes = new StringBuilder();
    private final int flood = Integer.getInteger("kervi.bench.flood", IpcBenchmark.FLOOD);
    private final MqttMessageKinds kinds = MqttMessageKinds.ofTransport();
    private double rawPublished;
    private double kerviPublished;

    public static void main(String[] args) throws Exception {
        System.setProperty("kervi.bench.parkingPacer", String.valueOf(PARKING_PACER));
        IpcMqttBenchmark bench = new IpcMqttBenchmark();
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        Path results = Paths.get(System.getProperty("kervi.bench.resultsDir", "target/bench-results"));
        // Mosquitto leaves Nagle's algorithm on towards its clients unless told: ≈ 40 ms per small packet (see
        // NoDelaySocketFactory); -Dkervi.bench.brokerNoDelay=false measures the default
        String noDelay = "set_tcp_nodelay " + System.getProperty("kervi.bench.brokerNoDelay", "true");
        try (Mosquitto broker = Mosquitto.in(results.resolveSibling("mosquitto")).line(noDelay).build().start()) {
            long brokerPid = brokerPid(broker);
            System.out.println("[bench] " + mosquittoVersion() + " on " + broker.url() + " (pid " + brokerPid + ")");
            bench.notes.append("Broker: ").append(mosquittoVersion()).append(", generated configuration:\n\n```\n")
                    .append(Files.readString(broker.folder().resolve("mosquitto.conf")).trim()).append("\n```\n\n")
                    .append("Message kinds (QoS, retain) in both paths: ").append(bench.kinds).append(".\n\n")
                    .append("Pacers in both paths: ").append(PARKING_PACER ? "park only" : "park, then spin")
                    .append(" (`kervi.bench.parkingPacer`).\n\n");
            if (!Boolean.getBoolean("kervi.bench.skipRaw")) {
                bench.runRaw(broker, brokerPid);
            }
            if (!Boolean.getBoolean("kervi.bench.skipKervi")) {
                bench.runKervi(broker, brokerPid);
            }
            bench.notes.append("Broker log lines about dropped messages: ").append(Files.readAllLines(broker.log())
                    .stream().filter(l -> l.contains("dropped")).count()).append(".\n");
        }
        Bench.publish("ipc-mqtt", "IPC benchmark over MQTT", machine, bench.table() + "\n" + bench.notes);
        System.exit(0);
    }

    // ------------------------------------------------------------------ (a) raw Paho client to client

    void runRaw(Mosquitto broker, long brokerPid) throws Exception {
        RawMqttSettings settings = new RawMqttSettings(broker.url(), "kervi/rawbench", kinds.valueQos(),
                kinds.retainValues(), kinds.callQos());
        try (RawPahoLink link = RawPahoLink.start(settings)) {
            System.out.println("[raw] warm-up: " + WARMUP_COUNT + " events at "
                    + IpcBenchmark.WARMUP_RATE + "/s");
            Bench.pace(IpcBenchmark.WARMUP_RATE, WARMUP_COUNT, link::sendStamp);
            link.awaitStats(WARMUP_COUNT, Duration.ofSeconds(30));
            System.out.println("[raw] warm-up pass: every phase once, unmeasured");
            for (int[] rc : phases()) {
                unmeasuredPhase(link, rc);
            }
            link.roundTrips(WARMUP_CALLS);
            for (int[] rc : phases()) {
                System.out.println("[raw] warm-up at " + rc[0] + "/s: " + rc[1] + " events");
                unmeasuredPhase(link, rc);
                link.reset();
                long self = ProcessHandle.current().pid();
                ThreadCpu h0 = ThreadCpu.snapshot(self);
                ThreadCpu p0 = ThreadCpu.snapshot(link.peerPid());
                ThreadCpu m0 = ThreadCpu.snapshot(brokerPid);
                double achieved = Bench.pace(rc[0], rc[1], link::sendStamp);
                Stats st = link.awaitStats(rc[1], Duration.ofSeconds(30));
                String phase = rc[1] + " events at " + rc[0] + "/s";
                notes.append("CPU per thread during ").append(phase).append(", raw — sender (harness): ")
                        .append(ThreadCpu.snapshot(self).busiestSince(h0, 8)).append("; receiver (peer): ")
                        .append(ThreadCpu.snapshot(link.peerPid()).busiestSince(p0, 8)).append(".\n\n");
                notes.append(cpuPer("event at " + rc[0] + "/s", rc[1], "raw", "sender (harness)", self, h0,
                        "receiver (peer)", link.peerPid(), p0, brokerPid, m0));
                System.out.printf(Locale.ROOT, "[raw] one-way at %d/s (achieved %.0f/s): %s%n", rc[0], achieved, st);
                raw.put("oneway" + rc[0], st);
            }
            System.out.println("[raw] round-trip warm-up: " + WARMUP_CALLS + " calls");
            link.roundTrips(WARMUP_CALLS);
            long self = ProcessHandle.current().pid();
            ThreadCpu h0 = ThreadCpu.snapshot(self);
            ThreadCpu p0 = ThreadCpu.snapshot(link.peerPid());
            ThreadCpu m0 = ThreadCpu.snapshot(brokerPid);
            Stats rt = link.roundTrips(IpcBenchmark.ROUND_TRIPS);
            notes.append(cpuPer("round trip", IpcBenchmark.ROUND_TRIPS, "raw", "requester (harness)", self, h0,
                    "echo peer", link.peerPid(), p0, brokerPid, m0));
            System.out.println("[raw] round trip: " + rt);
            raw.put("rt", rt);
            System.out.println("[raw] flood warm-up: " + flood + " events");
            link.reset();
            link.flood(flood);
            link.awaitStats(flood, Duration.ofMinutes(5));
            link.reset();
            try (ProcessMemory peer = watch("raw peer (receiver)", link.peerPid());
                    ProcessMemory harness = watch("raw sender (harness JVM)", ProcessHandle.current().pid());
                    ProcessMemory mosquitto = watch("Mosquitto, raw flood", brokerPid)) {
                rawPublished = link.flood(flood);
                Stats fl = link.awaitStats(flood, Duration.ofMinutes(5));
                System.out.printf(Locale.ROOT, "[raw] flood of %d: published at %.0f/s; received %s%n", flood,
                        rawPublished, fl);
                raw.put("flood", fl);
            }
        }
    }

    // ------------------------------------------------------------------ (b) Kervi: two Karaf instances over MQTT

    void runKervi(Mosquitto broker, long brokerPid) throws Exception {
        Path probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "").isBlank() ? DISTRIBUTION_JAVA_OPTS
                : System.getProperty("kervi.bench.javaOpts");
        javaOpts += " -Dkervi.bench.parkingPacer=" + PARKING_PACER;
        KarafProcess a = null;
        KarafProcess b = null;
        try {
            a = MqttTransportConfig.apply(new KarafProcess("bench-mqtt-a"), broker.url(), APPLICATION)
                    .withJavaOpts(javaOpts)
                    .withConfig("org.kervi.core", Map.of("instanceId", "a"))
                    .withConfig("org.kervi.bench.source", Map.of("role", "source"))
                    .withConfig("org.kervi.bench.ping", Map.of("role", "ping"));
            b = MqttTransportConfig.apply(new KarafProcess("bench-mqtt-b"), broker.url(), APPLICATION)
                    .withJavaOpts(javaOpts)
                    .withConfig("org.kervi.core", Map.of("instanceId", "b"))
                    .withConfig("org.kervi.bench.sink", Map.of("role", "sink"))
                    .withConfig("org.kervi.bench.echo", Map.of("role", "echo"));
            for (KarafProcess k : List.of(a, b)) {
                Files.createDirectories(k.home().resolve("deploy"));
                Files.copy(probe, k.home().resolve("deploy").resolve(probe.getFileName()));
            }
            System.out.println("[kervi] starting A and B with transport = mqtt; EXTRA_JAVA_OPTS=" + javaOpts);
            KarafProcess.startAll(a, b);
            KarafProcess fa = a;
            KarafProcess fb = b;
            CompletableFuture<String> ia = CompletableFuture.supplyAsync(() -> fa.execute(MqttTransportConfig.INSTALL,
                    Duration.ofMinutes(3)));
            CompletableFuture<String> ib = CompletableFuture.supplyAsync(() -> fb.execute(MqttTransportConfig.INSTALL,
                    Duration.ofMinutes(3)));
            ia.get(4, TimeUnit.MINUTES);
            ib.get(4, TimeUnit.MINUTES);
            a.awaitOutput("kervi:actions", o -> o.contains("bench_echo.echo") && o.contains("bench_source.burst"),
                    Duration.ofSeconds(90));
            b.awaitOutput("kervi:values", o -> o.contains("bench.stamp") && o.contains("bench_sink.stamp"),
                    Duration.ofSeconds(90));
            b.awaitOutput("kervi:links", o -> o.contains("bench.stamp") && !o.contains("unresolved"),
                    Duration.ofSeconds(30));
            notes.append("Instances: A pid ").append(a.pid()).append(" (bench_source, bench_ping), B pid ")
                    .append(b.pid()).append(" (bench_sink, bench_echo); `kervi:instances` in A:\n\n```\n")
                    .append(a.execute("kervi:instances").trim()).append("\n```\n\n");

            System.out.println("[kervi] warm-up: " + WARMUP_COUNT + " events at "
                    + IpcBenchmark.WARMUP_RATE + "/s");
            IpcBenchmark.action(a, "bench_source.burst " + IpcBenchmark.WARMUP_RATE + " " + WARMUP_COUNT);
            System.out.println("[kervi] warm-up pass: every phase once, unmeasured");
            for (int[] rc : phases()) {
                unmeasuredPhase(a, b, rc);
            }
            IpcBenchmark.action(a, "bench_ping.pingpong bench_echo.echo " + WARMUP_CALLS);
            for (int[] rc : phases()) {
                System.out.println("[kervi] warm-up at " + rc[0] + "/s: " + rc[1] + " events");
                unmeasuredPhase(a, b, rc);
                IpcBenchmark.action(b, "bench_sink.reset");
                ThreadCpu a0 = ThreadCpu.snapshot(a.pid());
                ThreadCpu b0 = ThreadCpu.snapshot(b.pid());
                ThreadCpu m0 = ThreadCpu.snapshot(brokerPid);
                String achieved = IpcBenchmark.action(a, "bench_source.burst " + rc[0] + " " + rc[1]);
                Stats st = IpcBenchmark.awaitSinkCount(b, rc[1], Duration.ofSeconds(30));
                cpu(rc[1] + " events at " + rc[0] + "/s", a, a0, b, b0);
                notes.append(cpuPer("event at " + rc[0] + "/s", rc[1], "Kervi", "A (source)", a.pid(), a0,
                        "B (sink)", b.pid(), b0, brokerPid, m0));
                System.out.printf(Locale.ROOT, "[kervi] one-way at %d/s (achieved %s/s): %s%n", rc[0],
                        achieved.trim(), st);
                kervi.put("oneway" + rc[0], st);
            }
            System.out.println("[kervi] round-trip warm-up: " + WARMUP_CALLS + " calls");
            IpcBenchmark.action(a, "bench_ping.pingpong bench_echo.echo " + WARMUP_CALLS);
            ThreadCpu a0 = ThreadCpu.snapshot(a.pid());
            ThreadCpu b0 = ThreadCpu.snapshot(b.pid());
            ThreadCpu m0 = ThreadCpu.snapshot(brokerPid);
            Stats rt = Stats.parse(IpcBenchmark.action(a, "bench_ping.pingpong bench_echo.echo "
                    + IpcBenchmark.ROUND_TRIPS));
            cpu(IpcBenchmark.ROUND_TRIPS + " round trips", a, a0, b, b0);
            notes.append(cpuPer("round trip", IpcBenchmark.ROUND_TRIPS, "Kervi", "A (caller)", a.pid(), a0, "B (echo)",
                    b.pid(), b0, brokerPid, m0));
            System.out.println("[kervi] action round trip: " + rt);
            kervi.put("rt", rt);
            flood(a, b, brokerPid);
        } finally {
            KarafProcess.closeAll(a, b);
        }
    }

    /** One-way phase {@code rc} (rate, count) over raw Paho, unmeasured. */
    private static void unmeasuredPhase(RawPahoLink link, int[] rc) throws IOException {
        link.reset();
        Bench.pace(rc[0], rc[1], link::sendStamp);
        link.awaitStats(rc[1], Duration.ofSeconds(30));
    }

    /** One-way phase {@code rc} (rate, count) from A to B, unmeasured. */
    private static void unmeasuredPhase(KarafProcess a, KarafProcess b, int[] rc) {
        IpcBenchmark.action(b, "bench_sink.reset");
        IpcBenchmark.action(a, "bench_source.burst " + rc[0] + " " + rc[1]);
        IpcBenchmark.awaitSinkCount(b, rc[1], Duration.ofSeconds(30));
    }

    /** A flood of the measured size, unmeasured: until B's count stops growing. */
    private void warmUpFlood(KarafProcess a, KarafProcess b) {
        System.out.println("[kervi] flood warm-up: " + flood + " events");
        IpcBenchmark.action(b, "bench_sink.reset");
        IpcBenchmark.action(a, "bench_source.flood " + flood);
        int last = -1;
        for (int count; (count = Integer.parseInt(IpcBenchmark.action(b, "bench_sink.count").trim())) != last
                && count < flood; last = count) {
            Bench.sleep(1000);
        }
    }

    private void flood(KarafProcess a, KarafProcess b, long brokerPid) throws Exception {
        warmUpFlood(a, b);
        IpcBenchmark.action(b, "bench_sink.reset");
        ThreadCpu a0 = ThreadCpu.snapshot(a.pid());
        ThreadCpu b0 = ThreadCpu.snapshot(b.pid());
        List<String> timeline = new ArrayList<>();
        try (ProcessMemory ma = watch("A (publisher)", a.pid()); ProcessMemory mb = watch("B (subscriber)", b.pid());
                ProcessMemory mm = watch("Mosquitto, Kervi flood", brokerPid)) {
            long t0 = System.nanoTime();
            KarafProcess fa = a;
            CompletableFuture<String> sending = CompletableFuture.supplyAsync(() -> IpcBenchmark.action(fa,
                    "bench_source.flood " + flood));
            int last = -1;
            int stable = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                Bench.sleep(1000);
                int count = Integer.parseInt(IpcBenchmark.action(b, "bench_sink.count").trim());
                timeline.add(String.format(Locale.ROOT, "| %.1f | %d | %s | %s | %s | %s |",
                        (System.nanoTime() - t0) / 1e9, count, sending.isDone() ? "done" : "sending",
                        Bench.mib(ProcessMemory.rssKiB(a.pid())), Bench.mib(ProcessMemory.rssKiB(b.pid())),
                        Bench.mib(ProcessMemory.rssKiB(brokerPid))));
                stable = sending.isDone() && count == last ? stable + 1 : 0;
                last = count;
                if (sending.isDone() && (count >= flood || stable >= 3)) {
                    break;
                }
            }
            kerviPublished = Double.parseDouble(sending.get(IpcBenchmark.LONG.toSeconds(), TimeUnit.SECONDS).trim());
        }
        cpu("the flood (incl. the harness' SSH polling)", a, a0, b, b0);
        Stats st = Stats.parse(IpcBenchmark.action(b, "bench_sink.stats"));
        System.out.printf(Locale.ROOT, "[kervi] flood: published at %.0f/s; received %s%n", kerviPublished, st);
        kervi.put("flood", st);
        notes.append("Flood of ").append(flood).append(" (`bench_source.flood` in A returned ")
                .append(Math.round(kerviPublished)).append(" events/s published); received by B over time:\n\n"
                        + "| s | received by B | flood | RSS A | RSS B | RSS Mosquitto |\n|---|---|---|---|---|---|\n")
                .append(String.join("\n", timeline)).append("\n\n");
        notes.append("`kervi:instances` after the flood, B:\n\n```\n").append(b.execute("kervi:instances").trim())
                .append("\n```\n\n");
    }

    private void cpu(String phase, KarafProcess a, ThreadCpu a0, KarafProcess b, ThreadCpu b0) {
        notes.append("CPU per thread during ").append(phase).append(" — A: ")
                .append(ThreadCpu.snapshot(a.pid()).busiestSince(a0, 8)).append("; B: ")
                .append(ThreadCpu.snapshot(b.pid()).busiestSince(b0, 8)).append(".\n\n");
    }

    /**
     * CPU per round trip or event (µs) of both ends and the broker: on a 2-core machine the sum against the phase's
     * latency says how close to saturation the phase ran, which is what sets its p99.
     */
    private static String cpuPer(String unit, double n, String path, String firstName, long first, ThreadCpu first0,
            String secondName, long second, ThreadCpu second0, long broker, ThreadCpu broker0) {
        double c = ThreadCpu.snapshot(first).millisSince(first0, "") * 1000 / n;
        double e = ThreadCpu.snapshot(second).millisSince(second0, "") * 1000 / n;
        double m = ThreadCpu.snapshot(broker).millisSince(broker0, "") * 1000 / n;
        return String.format(Locale.ROOT, "CPU per %s, %s: %s %.0f µs, %s %.0f µs, Mosquitto %.0f µs;"
                + " %.0f µs in all.%n%n", unit, path, firstName, c, secondName, e, m, c + e + m);
    }

    private ProcessMemory watch(String name, long pid) {
        ProcessMemory m = ProcessMemory.watch(name, pid);
        memory.add(m);
        return m;
    }

    private static int[][] phases() {
        return new int[][] {{IpcBenchmark.LOW_RATE, IpcBenchmark.LOW_COUNT},
            {IpcBenchmark.HIGH_RATE, IpcBenchmark.HIGH_COUNT}};
    }

    static long brokerPid(Mosquitto broker) {
        String config = broker.folder().resolve("mosquitto.conf").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(config)).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    private static String mosquittoVersion() {
        try {
            Process p = new ProcessBuilder(Mosquitto.BINARY.toString(), "-h").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("mosquitto");
            p.waitFor(10, TimeUnit.SECONDS);
            return first.trim();
        } catch (Exception e) {
            return "mosquitto (version unknown: " + e + ")";
        }
    }

    // ------------------------------------------------------------------ (c) table

    String table() {
        ComparisonTable t = new ComparisonTable("Kervi over MQTT", "raw Paho through the same broker");
        for (int[] rc : phases()) {
            Stats k = kervi.get("oneway" + rc[0]);
            Stats r = raw.get("oneway" + rc[0]);
            t.withinFactor("value event one-way p50 @ " + rc[0] + "/s (µs)", p50(k), p50(r), FACTOR);
            t.withinFactor("value event one-way p99 @ " + rc[0] + "/s (µs)", p99(k), p99(r), FACTOR);
            t.info("value events received @ " + rc[0] + "/s (of " + rc[1] + ")", count(k), count(r));
        }
        Stats k = kervi.get("rt");
        Stats r = raw.get("rt");
        t.withinFactor("action round trip p50 (µs)", p50(k), p50(r), FACTOR);
        t.withinFactor("action round trip p99 (µs)", p99(k), p99(r), FACTOR);
        k = kervi.get("flood");
        r = raw.get("flood");
        t.atLeast("sustained value events/s (received)", k == null ? null : k.ratePerSecond(),
                r == null ? null : r.ratePerSecond(), SUSTAINED_FLOOR, FACTOR);
        t.info("flood: published/s", kervi.containsKey("flood") ? kerviPublished : null,
                raw.containsKey("flood") ? rawPublished : null);
        t.info("flood: fraction delivered (%)", k == null ? null : 100.0 * k.count() / flood,
                r == null ? null : 100.0 * r.count() / flood);
        t.info("flood: one-way p50 under load (µs)", p50(k), p50(r));
        t.info("flood: one-way p99 under load (µs)", p99(k), p99(r));
        for (ProcessMemory m : memory) {
            t.raw(m.cells(MEMORY_LIMIT_KIB));
        }
        return t.toString();
    }

    private static Double p50(Stats s) {
        return s == null ? null : s.p50us();
    }

    private static Double p99(Stats s) {
        return s == null ? null : s.p99us();
    }

    private static Double count(Stats s) {
        return s == null ? null : (double) s.count();
    }
}
