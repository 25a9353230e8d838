package org.kervi.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.kervi.bench.Bench.Stats;
import org.kervi.testkit.KarafProcess;

/**
 * Dashboard stream benchmark, one run: sensor → browser-stream latency. Karaf R is the root (IPC hub,
 * {@code kervi-dashboard} on its own HTTP port, {@code bench_sink} as the IPC-only reference), Karaf A is a
 * module-like instance (IPC client, {@code bench_source}). {@code bench.stamp} events (state = A's
 * {@link System#nanoTime()}) go A → IPC → R → dashboard stream → {@value #DEFAULT_CLIENTS} stream clients in this
 * JVM ({@link StreamLatencyClient}, each with its own session), which record {@code nanoTime() - state} per event.
 *
 * <p>Phases: IPC warm-up (as {@link IpcBenchmark}); IPC only, no stream open ({@code bench_sink} in R records the
 * same events' latency); the streams open, a warm-up burst, then the measured burst at {@value #DEFAULT_RATE}/s
 * with {@code bench_sink} recording alongside. Plus, unless {@code -Dkervi.bench.skipRaw=true}, the raw TCP
 * one-way baseline at the same rate ({@link RawOneWayBaseline}).
 *
 * <p>Run with {@code bench/run-dashboard.sh} (see docs/performance.md). System properties: those of
 * {@link IpcBenchmark}, and {@code kervi.bench.clients}, {@code kervi.bench.rate}, {@code kervi.bench.count},
 * {@code kervi.bench.sinkDuringStreams=false}.
 */
public final class DashboardBenchmark {
    static final int DEFAULT_CLIENTS = 20;
    static final int DEFAULT_RATE = 1_000;
    static final int DEFAULT_COUNT = 30_000;
    static final int IPC_ONLY_COUNT = 10_000;
    static final int IPC_WARMUP_RATE = 10_000;
    static final int IPC_WARMUP_COUNT = 30_000;
    static final int STREAM_WARMUP_COUNT = 10_000;
    static final double TARGET_P99_MS = 100;
    static final String VALUE_ID = "bench.stamp";
    static final Duration LONG = Duration.ofMinutes(10);

    private final int clientCount = Integer.getInteger("kervi.bench.clients", DEFAULT_CLIENTS);
    private final int rate = Integer.getInteger("kervi.bench.rate", DEFAULT_RATE);
    private final int count = Integer.getInteger("kervi.bench.count", DEFAULT_COUNT);
    /** false: {@code bench_sink} leaves R before the streams open (its linked input echoes every event over IPC). */
    private final boolean sinkDuringStreams = !"false".equals(System.getProperty("kervi.bench.sinkDuringStreams"));
    private final StringBuilder notes = new StringBuilder();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<StreamLatencyClient> clients = new ArrayList<>();
    private KarafProcess r;
    private KarafProcess a;
    private DashboardApi api;
    private long rssBefore;
    private long pssBefore;

    public static void main(String[] args) throws Exception {
        DashboardBenchmark bench = new DashboardBenchmark();
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        if (!Boolean.getBoolean("kervi.bench.skipRaw")) {
            System.out.println("[raw] one-way at " + bench.rate + "/s, " + IPC_ONLY_COUNT + " events");
            Stats raw = RawOneWayBaseline.run(bench.rate, IPC_ONLY_COUNT);
            System.out.println("[raw] " + raw);
            bench.figures.put("raw", LatencySummary.of(raw));
        }
        bench.runKervi();
        String report = "# Dashboard stream benchmark\n\nMachine: " + machine + "\n\n"
                + new DashboardReport(bench.figures, bench.clients, bench.count, bench.rate, TARGET_P99_MS).text()
                + "\n" + bench.notes;
        System.out.println();
        System.out.println(report);
        System.out.println("[bench] report written to " + Bench.writeReport("dashboard", report));
        System.exit(0);
    }

    void runKervi() throws Exception {
        try {
            boot();
            measureIpcOnly();
            openStreams();
            measureStreams();
            notes.append("`kervi:dashboard-streams` in R after the measured burst (writes of each stream; coalesced ="
                    + " values replaced by a newer one before a write):\n\n```\n")
                    .append(r.execute("kervi:dashboard-streams").trim()).append("\n```\n\n");
            notes.append("`kervi:instances` in R:\n\n```\n").append(r.execute("kervi:instances").trim())
                    .append("\n```\n");
        } finally {
            clients.forEach(StreamLatencyClient::close);
            KarafProcess.closeAll(r, a);
        }
    }

    /** R (hub, dashboard, bench_sink) and A (client, bench_source), linked, the probe value on R's dashboard. */
    private void boot() throws Exception {
        Path probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "");
        int hubPort = Bench.freePort();
        int httpPort = Bench.freePort();
        Map<String, String> ipc = Map.of("host", "127.0.0.1", "port", Integer.toString(hubPort), "bindAddress",
                "127.0.0.1", "secret", UUID.randomUUID().toString(), "applicationId", "bench");
        r = new KarafProcess("dash-r").withJavaOpts(javaOpts)
                .withConfig("org.kervi.core", Map.of("instanceId", "root"))
                .withConfig("org.kervi.ipc", with(ipc, "role", "hub"))
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(httpPort)))
                .withConfig("org.kervi.bench.sink", Map.of("role", "sink"));
        a = new KarafProcess("dash-a").withJavaOpts(javaOpts)
                .withConfig("org.kervi.core", Map.of("instanceId", "a"))
                .withConfig("org.kervi.ipc", with(ipc, "role", "client"))
                .withConfig("org.kervi.bench.source", Map.of("role", "source"));
        for (KarafProcess k : List.of(r, a)) {
            Files.createDirectories(k.home().resolve("deploy"));
            Files.copy(probe, k.home().resolve("deploy").resolve(probe.getFileName()));
        }
        System.out.println("[kervi] starting R (hub + dashboard on HTTP port " + httpPort + ") and A (client,"
                + " bench_source); EXTRA_JAVA_OPTS=" + (javaOpts.isBlank() ? "(distribution default)" : javaOpts));
        KarafProcess.startAll(r, a);
        CompletableFuture<String> ir = CompletableFuture.supplyAsync(
                () -> r.execute("feature:install kervi-ipc kervi-dashboard", Duration.ofMinutes(3)));
        CompletableFuture<String> ia = CompletableFuture.supplyAsync(
                () -> a.execute("feature:install kervi-ipc", Duration.ofMinutes(3)));
        ir.get(4, TimeUnit.MINUTES);
        ia.get(4, TimeUnit.MINUTES);
        r.awaitOutput("kervi:values", o -> o.contains(VALUE_ID) && o.contains("bench_sink.stamp"),
                Duration.ofSeconds(90));
        r.awaitOutput("kervi:links", o -> o.contains(VALUE_ID) && !o.contains("unresolved"), Duration.ofSeconds(30));
        a.awaitOutput("kervi:actions", o -> o.contains("bench_source.burst"), Duration.ofSeconds(30));
        notes.append("Instances: R pid ").append(r.pid()).append(" (hub, kervi-dashboard, bench_sink), A pid ")
                .append(a.pid()).append(" (client, bench_source).\n\n");
        api = new DashboardApi(URI.create("http://127.0.0.1:" + httpPort + "/kervi/"), "karaf", "karaf");
        awaitStreamedValue(Duration.ofSeconds(60));
    }

    /** IPC warm-up, then the IPC-only reference: bench_sink in R, no stream open. */
    private void measureIpcOnly() {
        System.out.println("[kervi] IPC warm-up: " + IPC_WARMUP_COUNT + " events at " + IPC_WARMUP_RATE + "/s");
        action(a, "bench_source.burst " + IPC_WARMUP_RATE + " " + IPC_WARMUP_COUNT);
        awaitStable(() -> sinkCount(r));
        action(r, "bench_sink.reset");
        action(a, "bench_source.burst " + rate + " " + IPC_ONLY_COUNT);
        Stats quiet = awaitSinkCount(r, IPC_ONLY_COUNT);
        System.out.println("[kervi] IPC only, no stream open: " + quiet);
        figures.put("ipcQuiet", LatencySummary.of(quiet));
        if (!sinkDuringStreams) {
            r.execute("config:delete org.kervi.bench.sink");
            r.awaitOutput("kervi:values", o -> !o.contains("bench_sink.stamp"), Duration.ofSeconds(30));
            notes.append("`bench_sink` was removed from R before the streams opened "
                    + "(-Dkervi.bench.sinkDuringStreams=false).\n\n");
        }
    }

    /** The stream clients, each in its own session, then a warm-up burst through them. */
    private void openStreams() throws Exception {
        Bench.sleep(2000);
        rssBefore = r.rssKiB();
        pssBefore = r.pssKiB();
        System.out.println("[kervi] opening " + clientCount + " streams; RSS of R " + Bench.mib(rssBefore));
        for (int i = 0; i < clientCount; i++) {
            StreamLatencyClient c = new StreamLatencyClient(i + 1, VALUE_ID);
            clients.add(c);
            c.open(api, Duration.ofSeconds(30));
        }
        System.out.println("[kervi] stream warm-up: " + STREAM_WARMUP_COUNT + " events at " + rate + "/s");
        clients.forEach(c -> c.record(System.nanoTime(), STREAM_WARMUP_COUNT + 1000));
        action(a, "bench_source.burst " + rate + " " + STREAM_WARMUP_COUNT);
        awaitStable(this::receivedByAllClients);
    }

    /** The measured burst, recorded by every client (and bench_sink), with CPU per thread and RSS of R. */
    private void measureStreams() throws Exception {
        System.out.println("[kervi] measured: " + count + " events at " + rate + "/s to " + clientCount
                + " streams; load average " + loadAverage());
        notes.append("Load average (1, 5, 15 min) before the measured burst: ").append(loadAverage());
        if (sinkDuringStreams) {
            awaitStable(() -> sinkCount(r));
            action(r, "bench_sink.reset");
        }
        long from = System.nanoTime();
        clients.forEach(c -> c.record(from, count + 1000));
        ThreadCpu r0 = ThreadCpu.snapshot(r.pid());
        ThreadCpu a0 = ThreadCpu.snapshot(a.pid());
        String achieved;
        long maxRss;
        try (RssSampler sampler = new RssSampler(r.pid())) {
            achieved = action(a, "bench_source.burst " + rate + " " + count).trim();
            awaitStable(this::receivedByAllClients);
            maxRss = sampler.maxKiB();
        }
        notes.append("; after: ").append(loadAverage()).append(".\n\n");
        notes.append("CPU per thread during the measured burst (until the streams were quiet) — R: ")
                .append(ThreadCpu.snapshot(r.pid()).busiestSince(r0, 10)).append("; A: ")
                .append(ThreadCpu.snapshot(a.pid()).busiestSince(a0, 6)).append(".\n\n");
        Stats during = sinkDuringStreams ? awaitSinkCount(r, count) : null;
        figures.put("achievedRate", achieved);
        if (during != null) {
            figures.put("ipcDuring", LatencySummary.of(during));
        }
        figures.put("finalValue", (long) api.number(VALUE_ID));
        figures.put("rss", new long[] {rssBefore, r.rssKiB(), maxRss, pssBefore, r.pssKiB()});
        System.out.println("[kervi] bench_source.burst achieved " + achieved + "/s; IPC only (bench_sink in R)"
                + " during: " + (during == null ? "(removed)" : during));
        for (StreamLatencyClient c : clients) {
            System.out.println("[kervi] stream " + c.index() + ": received " + c.received() + " of " + count
                    + ", " + c.summary() + (c.failure() == null ? "" : "; FAILED: " + c.failure()));
        }
    }

    private long receivedByAllClients() {
        return clients.stream().mapToLong(StreamLatencyClient::received).sum();
    }

    /** Waits until a logged-in user's model lists the probe value, i.e. the stream will carry it. */
    private void awaitStreamedValue(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "not asked yet";
        while (System.nanoTime() < deadline) {
            try {
                if (api.modelLists(VALUE_ID)) {
                    return;
                }
                last = "the model does not list it";
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Bench.sleep(500);
        }
        throw new IllegalStateException("the dashboard's model never listed " + VALUE_ID + "; last: " + last);
    }

    /** {@code bench_sink.stats} once it counted {@code expected} events, or once its count stopped growing. */
    private static Stats awaitSinkCount(KarafProcess k, int expected) {
        awaitStable(() -> Math.min(expected, sinkCount(k)));
        return Stats.parse(action(k, "bench_sink.stats"));
    }

    private static long sinkCount(KarafProcess k) {
        return Long.parseLong(action(k, "bench_sink.count").trim());
    }

    /**
     * Waits (at most 60 s) until {@code counter} reads the same twice 500 ms apart: the events in flight have
     * arrived (a burst returns in A while its last events still travel; under load, seconds of them).
     */
    static void awaitStable(LongSupplier counter) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = counter.getAsLong();
        while (System.nanoTime() < deadline) {
            Bench.sleep(500);
            long now = counter.getAsLong();
            if (now == last) {
                return;
            }
            last = now;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Paths.get("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static String action(KarafProcess k, String call) {
        return k.execute("kervi:action " + call, LONG);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "" : String.format(Locale.ROOT, "%.1f×", a / b);
    }
}
