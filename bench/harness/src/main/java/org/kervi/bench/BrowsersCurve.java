package org.kervi.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.kervi.bench.Bench.Stats;
import org.kervi.testkit.KarafProcess;

/**
 * The browsers curve: R (root: IPC hub, {@code kervi-dashboard}, {@code bench_sink}) and A (client,
 * {@code bench_source}), as the dashboard benchmark, with 0, 20, 100 and 500 live streams open
 * ({@link StreamLatencyClient}s in this JVM, a session each) at 1,000 and 5,000 events/s. Per point: latency to
 * the browser (p50/p99 over every delivered entry), the coalesced part (events a stream replaced by a newer one),
 * R's CPU and RSS, and the IPC latency of the same events to {@code bench_sink} in R — the "IPC p99 with n
 * browsers against none" of issue #17.
 */
final class BrowsersCurve {
    /** The points; {@code -Dkervi.bench.streamsList=20,100} leaves out 500 (e.g. under a profiler). */
    static final int[] CLIENTS = java.util.Arrays.stream(System.getProperty("kervi.bench.streamsList", "20,100,500")
            .split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    static final int[] RATES = {1_000, 5_000};
    static final int SECONDS = Integer.getInteger("kervi.bench.seconds", 6);
    static final String VALUE_ID = "bench.stamp";

    private final StringBuilder table = new StringBuilder();
    private final List<StreamLatencyClient> clients = new ArrayList<>();
    private final ScaleChart browser = new ScaleChart("Sensor → browser latency, n streams", "live streams", "ms",
            true);
    private final ScaleChart ipc = new ScaleChart("IPC p99 (A → R) while n streams are open", "live streams (0 shown"
            + " at 1)", "ms", true);
    private final ScaleChart cpu = new ScaleChart("Root CPU per 1,000 events, n streams", "live streams",
            "CPU ms", false);
    private KarafProcess r;
    private KarafProcess a;
    private DashboardApi api;

    String run() throws Exception {
        table.append("| streams | rate (events/s) | browser p50 (ms) | p99 (ms) | coalesced | IPC p99 (ms) | IPC p99 /"
                + " none | root CPU per 1,000 events (ms) | root RSS max (MiB) | load |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        double[] ipcNone = new double[RATES.length];
        try {
            boot();
            IpcPair.action(a, "bench_source.burst 10000 30000");
            DashboardBenchmark.awaitStable(this::sinkCount);
            for (int i = 0; i < RATES.length; i++) {
                ipcNone[i] = point(0, RATES[i], Double.NaN);
            }
            for (int n : CLIENTS) {
                while (clients.size() < n) {
                    StreamLatencyClient c = new StreamLatencyClient(clients.size() + 1, VALUE_ID);
                    clients.add(c);
                    c.open(api, Duration.ofSeconds(60));
                }
                clients.forEach(c -> c.record(System.nanoTime(), 4000));
                IpcPair.action(a, "bench_source.burst 1000 3000");
                DashboardBenchmark.awaitStable(this::receivedByAll);
                for (int i = 0; i < RATES.length; i++) {
                    point(n, RATES[i], ipcNone[i]);
                }
            }
            table.append("\n`kervi:dashboard-streams` (first lines) after the last point:\n\n```\n")
                    .append(r.execute("kervi:dashboard-streams").lines().limit(12).reduce("", (x, y) -> x + y + "\n"))
                    .append("```\n");
        } finally {
            clients.forEach(StreamLatencyClient::close);
            KarafProcess.closeAll(r, a);
        }
        String b = browser.write("scale-browsers-latency").getFileName().toString();
        String i = ipc.write("scale-browsers-ipc").getFileName().toString();
        String c = cpu.write("scale-browsers-cpu").getFileName().toString();
        return table + "\nCharts: " + b + ", " + i + ", " + c + "\n";
    }

    /** One burst at {@code rate} for {@link #SECONDS} s with the open streams; returns the IPC p99 (ms). */
    private double point(int n, int rate, double ipcNone) throws Exception {
        int count = rate * SECONDS;
        DashboardBenchmark.awaitStable(this::sinkCount);
        IpcPair.action(r, "bench_sink.reset");
        long from = System.nanoTime();
        clients.forEach(c -> c.record(from, count + 1000));
        double cpu0 = ProcessCpu.millis(r.pid());
        long maxRss;
        try (RssSampler sampler = new RssSampler(r.pid())) {
            IpcPair.action(a, "bench_source.burst " + rate + " " + count);
            DashboardBenchmark.awaitStable(this::receivedByAll);
            DashboardBenchmark.awaitStable(this::sinkCount);
            maxRss = sampler.maxKiB();
        }
        double cpuPer1000 = (ProcessCpu.millis(r.pid()) - cpu0) * 1000.0 / count;
        Stats sink = Stats.parse(IpcPair.action(r, "bench_sink.stats"));
        double ipcP99 = sink.p99us() / 1000;
        String browserCells = "— | — | —";
        if (n > 0) {
            long received = 0;
            List<long[]> all = new ArrayList<>();
            for (StreamLatencyClient c : clients) {
                received += c.received();
                all.add(c.samples());
            }
            long[] merged = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            LatencySummary s = LatencySummary.of(merged, merged.length);
            double coalesced = 1 - received / ((double) count * n);
            browserCells = String.format(Locale.ROOT, "%s | %s | %.1f %%", LatencySummary.fmt(s.p50ms()),
                    LatencySummary.fmt(s.p99ms()), 100 * coalesced);
            browser.point("p50 at " + rate + "/s", n, s.p50ms()).point("p99 at " + rate + "/s", n, s.p99ms());
        }
        ipc.point("IPC p99 at " + rate + "/s", Math.max(1, n), ipcP99);
        cpu.point("root CPU at " + rate + "/s", Math.max(1, n), cpuPer1000);
        table.append(String.format(Locale.ROOT, "| %d | %,d | %s | %s | %s | %.1f | %s | %s |%n", n, rate, browserCells,
                LatencySummary.fmt(ipcP99), Double.isNaN(ipcNone) ? "1 (reference)" : String.format(Locale.ROOT,
                        "%.2f×", ipcP99 / ipcNone), cpuPer1000,
                String.format(Locale.ROOT, "%.1f", maxRss / 1024.0), IdsCurve.load()));
        System.out.printf(Locale.ROOT, "[browsers] %d streams at %d/s: %s; IPC %s%n", n, rate, browserCells, sink);
        return ipcP99;
    }

    private void boot() throws Exception {
        Path probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "");
        int hubPort = Bench.freePort();
        int httpPort = Bench.freePort();
        Map<String, String> ipcConfig = Map.of("host", "127.0.0.1", "port", Integer.toString(hubPort), "bindAddress",
                "127.0.0.1", "secret", UUID.randomUUID().toString(), "applicationId", "bench");
        r = new KarafProcess("browsers-r").withJavaOpts(javaOpts)
                .withConfig("org.kervi.core", Map.of("instanceId", "root"))
                .withConfig("org.kervi.ipc", IpcBenchmark.with(ipcConfig, "role", "hub"))
                .withConfig("org.ops4j.pax.web", Map.of("org.osgi.service.http.port", Integer.toString(httpPort)))
                .withConfig("org.kervi.dashboard", Map.of("maxStreams", "1000", "maxStreamsPerUser", "1000",
                        "maxStreamsPerAddress", "1000"))
                .withConfig("org.kervi.bench.sink", Map.of("role", "sink"));
        a = new KarafProcess("browsers-a").withJavaOpts(javaOpts)
                .withConfig("org.kervi.core", Map.of("instanceId", "a"))
                .withConfig("org.kervi.ipc", IpcBenchmark.with(ipcConfig, "role", "client"))
                .withConfig("org.kervi.bench.source", Map.of("role", "source"));
        for (KarafProcess k : List.of(r, a)) {
            Files.createDirectories(k.home().resolve("deploy"));
            Files.copy(probe, k.home().resolve("deploy").resolve(probe.getFileName()));
        }
        KarafProcess.startAll(r, a);
        CompletableFuture<String> ir = CompletableFuture.supplyAsync(
                () -> r.execute("feature:install kervi-ipc kervi-dashboard", Duration.ofMinutes(3)));
        CompletableFuture<String> ia = CompletableFuture.supplyAsync(
                () -> a.execute("feature:install kervi-ipc", Duration.ofMinutes(3)));
        ir.get(4, TimeUnit.MINUTES);
        ia.get(4, TimeUnit.MINUTES);
        r.awaitOutput("kervi:links", o -> o.contains(VALUE_ID) && !o.contains("unresolved"), Duration.ofSeconds(90));
        a.awaitOutput("kervi:actions", o -> o.contains("bench_source.burst"), Duration.ofSeconds(30));
        api = new DashboardApi(URI.create("http://127.0.0.1:" + httpPort + "/kervi/"), "karaf", "karaf");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!modelLists()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dashboard's model never listed " + VALUE_ID);
            }
            Bench.sleep(500);
        }
    }

    private boolean modelLists() {
        try {
            return api.modelLists(VALUE_ID);
        } catch (Exception e) {
            return false;
        }
    }

    private long sinkCount() {
        return Long.parseLong(IpcPair.action(r, "bench_sink.count").trim());
    }

    private long receivedByAll() {
        return clients.stream().mapToLong(StreamLatencyClient::received).sum();
    }
}
