package org.kervi.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.kervi.bench.Bench.Stats;
import org.kervi.testkit.KarafProcess;

/**
 * IPC benchmark, one run: (a) a raw TCP baseline between this JVM and a second one ({@link RawTcpPeer}); (b) two
 * real Karaf instances linked by Kervi IPC, A = hub + {@code bench_source} + {@code bench_ping}, B = client +
 * {@code bench_sink} + {@code bench_echo}; (c) a table of every figure with its baseline, ratio and target.
 *
 * <p>Run with {@code bench/run-ipc.sh} (see docs/performance.md). System properties: {@code kervi.distribution},
 * {@code kervi.bench.probe} (the probe bundle jar), {@code kervi.bench.javaOpts} (EXTRA_JAVA_OPTS of the Karaf
 * instances; empty = the distribution's {@code bin/setenv} default), {@code kervi.bench.clientJavaOpts} (B's
 * alone, e.g. a module instance's options; default: {@code kervi.bench.javaOpts}), {@code kervi.bench.skipRaw},
 * {@code kervi.bench.skipKervi}.
 */
public final class IpcBenchmark {
    static final int WARMUP_RATE = 10_000;
    static final int WARMUP_COUNT = 30_000;
    static final int LOW_RATE = 1_000;
    static final int LOW_COUNT = 5_000;
    static final int HIGH_RATE = 10_000;
    static final int HIGH_COUNT = 50_000;
    static final int ROUND_TRIPS = 10_000;
    static final int FLOOD = 1_000_000;
    static final Duration LONG = Duration.ofMinutes(10);

    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final Map<String, Object> kervi = new LinkedHashMap<>();
    private final StringBuilder notes = new StringBuilder();

    public static void main(String[] args) throws Exception {
        IpcBenchmark bench = new IpcBenchmark();
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        if (!Boolean.getBoolean("kervi.bench.skipRaw")) {
            bench.runRaw();
        }
        if (!Boolean.getBoolean("kervi.bench.skipKervi")) {
            bench.runKervi();
        }
        String report = "# IPC benchmark\n\nMachine: " + machine + "\n\n" + bench.table() + "\n" + bench.notes;
        System.out.println();
        System.out.println(report);
        System.out.println("[bench] report written to " + Bench.writeReport("ipc", report));
        System.exit(0);
    }

    // ------------------------------------------------------------------ (a) raw TCP baseline

    void runRaw() throws Exception {
        try (RawPeerLink link = RawPeerLink.start()) {
            DataOutputStream out = link.out;
            DataInputStream in = link.in;
            Runnable sendOne = link::sendStamp;
            System.out.println("[raw] warm-up: " + WARMUP_COUNT + " events at " + WARMUP_RATE + "/s");
            Bench.pace(WARMUP_RATE, WARMUP_COUNT, sendOne);
            link.stats();
            for (int[] rc : new int[][] {{LOW_RATE, LOW_COUNT}, {HIGH_RATE, HIGH_COUNT}}) {
                link.control("reset");
                double achieved = Bench.pace(rc[0], rc[1], sendOne);
                Stats st = link.stats();
                System.out.printf(Locale.ROOT, "[raw] one-way at %d/s (achieved %.0f/s): %s%n", rc[0], achieved,
                        st);
                raw.put("oneway" + rc[0], st);
            }
            // request/response, sequential
            Stats rts = link.roundTrips(ROUND_TRIPS);
            System.out.println("[raw] round trip: " + rts);
            raw.put("rt", rts);
            // throughput: a burst, written as fast as possible (buffered, flushed when the buffer fills)
            link.control("reset");
            long start = System.nanoTime();
            for (int i = 0; i < FLOOD; i++) {
                RawFraming.write(out, RawFraming.valueEvent(System.nanoTime()));
            }
            out.flush();
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            Stats fl = link.stats();
            System.out.printf(Locale.ROOT, "[raw] burst of %d: sent in %.2f s (%.0f/s); received %s%n", FLOOD,
                    sendSeconds, FLOOD / sendSeconds, fl);
            raw.put("flood", fl);
        }
    }

    // ------------------------------------------------------------------ (b) Kervi: two Karaf instances

    void runKervi() throws Exception {
        Path probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "");
        String clientJavaOpts = System.getProperty("kervi.bench.clientJavaOpts", javaOpts);
        String secret = UUID.randomUUID().toString();
        int hubPort = Bench.freePort();
        Map<String, String> ipc = Map.of("host", "127.0.0.1", "port", Integer.toString(hubPort), "bindAddress",
                "127.0.0.1", "secret", secret, "applicationId", "bench");
        KarafProcess a = null;
        KarafProcess b = null;
        try {
            a = new KarafProcess("bench-a").withJavaOpts(javaOpts)
                    .withConfig("org.kervi.core", Map.of("instanceId", "a"))
                    .withConfig("org.kervi.ipc", with(ipc, "role", "hub"))
                    .withConfig("org.kervi.bench.source", Map.of("role", "source"))
                    .withConfig("org.kervi.bench.ping", Map.of("role", "ping"));
            b = new KarafProcess("bench-b").withJavaOpts(clientJavaOpts)
                    .withConfig("org.kervi.core", Map.of("instanceId", "b"))
                    .withConfig("org.kervi.ipc", with(ipc, "role", "client"))
                    .withConfig("org.kervi.bench.sink", Map.of("role", "sink"))
                    .withConfig("org.kervi.bench.echo", Map.of("role", "echo"));
            for (KarafProcess k : List.of(a, b)) {
                Files.createDirectories(k.home().resolve("deploy"));
                Files.copy(probe, k.home().resolve("deploy").resolve(probe.getFileName()));
            }
            System.out.println("[kervi] starting A (hub, port " + hubPort + ") and B (client); EXTRA_JAVA_OPTS="
                    + (javaOpts.isBlank() ? "(distribution default)" : javaOpts)
                    + (clientJavaOpts.equals(javaOpts) ? "" : "; B's: " + clientJavaOpts));
            KarafProcess.startAll(a, b);
            KarafProcess fa = a;
            KarafProcess fb = b;
            CompletableFuture<String> ia = CompletableFuture.supplyAsync(() -> fa.execute("feature:install kervi-ipc"));
            CompletableFuture<String> ib = CompletableFuture.supplyAsync(() -> fb.execute("feature:install kervi-ipc"));
            ia.get(3, TimeUnit.MINUTES);
            ib.get(3, TimeUnit.MINUTES);
            a.awaitOutput("kervi:actions", o -> o.contains("bench_echo.echo") && o.contains("bench_source.burst"),
                    Duration.ofSeconds(90));
            b.awaitOutput("kervi:values", o -> o.contains("bench.stamp") && o.contains("bench_sink.stamp"),
                    Duration.ofSeconds(90));
            b.awaitOutput("kervi:links", o -> o.contains("bench.stamp") && !o.contains("unresolved"),
                    Duration.ofSeconds(30));
            notes.append("Instances: A pid ").append(a.pid()).append(" (hub, bench_source, bench_ping), B pid ")
                    .append(b.pid()).append(" (client, bench_sink, bench_echo); A components:\n\n```\n")
                    .append(a.execute("kervi:components").trim()).append("\n```\n\nB components:\n\n```\n")
                    .append(b.execute("kervi:components").trim()).append("\n```\n\n");

            System.out.println("[kervi] warm-up: " + WARMUP_COUNT + " events at " + WARMUP_RATE + "/s");
            action(a, "bench_source.burst " + WARMUP_RATE + " " + WARMUP_COUNT);
            action(a, "bench_ping.pingpong bench_echo.echo 2000");
            for (int[] rc : new int[][] {{LOW_RATE, LOW_COUNT}, {HIGH_RATE, HIGH_COUNT}}) {
                action(b, "bench_sink.reset");
                ThreadCpu a0 = ThreadCpu.snapshot(a.pid());
                ThreadCpu b0 = ThreadCpu.snapshot(b.pid());
                String achieved = action(a, "bench_source.burst " + rc[0] + " " + rc[1]);
                Stats st = awaitSinkCount(b, rc[1], Duration.ofSeconds(30));
                notes.append("CPU per thread during ").append(rc[1]).append(" events at ").append(rc[0])
                        .append("/s — A: ").append(ThreadCpu.snapshot(a.pid()).busiestSince(a0, 8)).append("; B: ")
                        .append(ThreadCpu.snapshot(b.pid()).busiestSince(b0, 8)).append(".\n\n");
                System.out.printf(Locale.ROOT, "[kervi] one-way at %d/s (achieved %s/s): %s%n", rc[0],
                        achieved.trim(), st);
                kervi.put("oneway" + rc[0], st);
            }
            ThreadCpu a0 = ThreadCpu.snapshot(a.pid());
            ThreadCpu b0 = ThreadCpu.snapshot(b.pid());
            Stats rt = Stats.parse(action(a, "bench_ping.pingpong bench_echo.echo " + ROUND_TRIPS));
            notes.append("CPU per thread during ").append(ROUND_TRIPS).append(" round trips — A: ")
                    .append(ThreadCpu.snapshot(a.pid()).busiestSince(a0, 8)).append("; B: ")
                    .append(ThreadCpu.snapshot(b.pid()).busiestSince(b0, 8)).append(".\n\n");
            System.out.println("[kervi] action round trip: " + rt);
            kervi.put("rt", rt);

            flood(a, b);
        } finally {
            KarafProcess.closeAll(a, b);
        }
    }

    private void flood(KarafProcess a, KarafProcess b) throws Exception {
        action(b, "bench_sink.reset");
        Bench.sleep(2000);
        long rssA0 = a.rssKiB();
        long rssB0 = b.rssKiB();
        long pssA0 = a.pssKiB();
        long pssB0 = b.pssKiB();
        System.out.println("[kervi] flood of " + FLOOD + "; RSS before: A " + Bench.mib(rssA0) + ", B "
                + Bench.mib(rssB0));
        ThreadCpu a0 = ThreadCpu.snapshot(a.pid());
        ThreadCpu b0 = ThreadCpu.snapshot(b.pid());
        long t0 = System.nanoTime();
        CompletableFuture<String> flood = CompletableFuture.supplyAsync(() -> action(a, "bench_source.flood " + FLOOD));
        List<String> timeline = new ArrayList<>();
        long maxA = rssA0;
        long maxB = rssB0;
        int last = -1;
        int stable = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            Bench.sleep(1000);
            int count = Integer.parseInt(action(b, "bench_sink.count").trim());
            long ra = a.rssKiB();
            long rb = b.rssKiB();
            maxA = Math.max(maxA, ra);
            maxB = Math.max(maxB, rb);
            timeline.add(String.format(Locale.ROOT, "| %.1f | %d | %s | %s | %s |", (System.nanoTime() - t0) / 1e9,
                    count, flood.isDone() ? "done" : "sending", Bench.mib(ra), Bench.mib(rb)));
            stable = flood.isDone() && count == last ? stable + 1 : 0;
            last = count;
            if (flood.isDone() && (count >= FLOOD || stable >= 3)) {
                break;
            }
        }
        String published = flood.get(LONG.toSeconds(), TimeUnit.SECONDS).trim();
        notes.append("CPU per thread during the flood (incl. the harness' SSH polling) — A: ")
                .append(ThreadCpu.snapshot(a.pid()).busiestSince(a0, 8)).append("; B: ")
                .append(ThreadCpu.snapshot(b.pid()).busiestSince(b0, 8)).append(".\n\n");
        Stats st = Stats.parse(action(b, "bench_sink.stats"));
        long rssA1 = a.rssKiB();
        long rssB1 = b.rssKiB();
        long pssA1 = a.pssKiB();
        long pssB1 = b.pssKiB();
        System.out.printf(Locale.ROOT, "[kervi] flood: published at %s/s; received %s%n", published, st);
        kervi.put("flood", st);
        kervi.put("floodPublished", published);
        kervi.put("rss", new long[] {rssA0, rssA1, maxA, rssB0, rssB1, maxB});
        notes.append("Flood of ").append(FLOOD).append(" (`bench_source.flood` in A returned ").append(published)
                .append(" events/s published); B's received count over time:\n\n| s | received by B | flood | RSS A | RSS B |\n"
                        + "|---|---|---|---|---|\n")
                .append(String.join("\n", timeline)).append("\n\n");
        notes.append(String.format(Locale.ROOT, "RSS / PSS before the flood: A %s / %s, B %s / %s; after: A %s / %s,"
                + " B %s / %s; max RSS sampled during: A %s, B %s.%n%n", Bench.mib(rssA0), Bench.mib(pssA0),
                Bench.mib(rssB0), Bench.mib(pssB0), Bench.mib(rssA1), Bench.mib(pssA1), Bench.mib(rssB1),
                Bench.mib(pssB1), Bench.mib(maxA), Bench.mib(maxB)));
        notes.append("`kervi:instances` after the flood, A:\n\n```\n").append(a.execute("kervi:instances").trim())
                .append("\n```\n\nB:\n\n```\n").append(b.execute("kervi:instances").trim()).append("\n```\n");
    }

    static Stats awaitSinkCount(KarafProcess b, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Stats st;
        do {
            Bench.sleep(300);
            st = Stats.parse(action(b, "bench_sink.stats"));
        } while (st.count() < expected && System.nanoTime() < deadline);
        return st;
    }

    static String action(KarafProcess k, String call) {
        return k.execute("kervi:action " + call, LONG);
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    // ------------------------------------------------------------------ (c) table

    String table() {
        StringBuilder t = new StringBuilder(
                "| figure | Kervi | raw TCP baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (int rate : new int[] {LOW_RATE, HIGH_RATE}) {
            Stats k = (Stats) kervi.get("oneway" + rate);
            Stats r = (Stats) raw.get("oneway" + rate);
            row(t, "value event one-way p50 @ " + rate + "/s (µs)", k == null ? null : k.p50us(),
                    r == null ? null : r.p50us(), "≤ 3× raw", ratioTarget(k == null ? null : k.p50us(),
                            r == null ? null : r.p50us(), 3));
            row(t, "value event one-way p99 @ " + rate + "/s (µs)", k == null ? null : k.p99us(),
                    r == null ? null : r.p99us(), rate == HIGH_RATE ? "≤ 1000 µs" : "—",
                    rate == HIGH_RATE && k != null ? (k.p99us() <= 1000 ? "yes" : "NO") : "");
            row(t, "value events received @ " + rate + "/s (of " + (rate == LOW_RATE ? LOW_COUNT : HIGH_COUNT) + ")",
                    k == null ? null : (double) k.count(), r == null ? null : (double) r.count(), "all", k == null
                            ? "" : k.count() >= (rate == LOW_RATE ? LOW_COUNT : HIGH_COUNT) ? "yes" : "NO");
        }
        Stats k = (Stats) kervi.get("rt");
        Stats r = (Stats) raw.get("rt");
        row(t, "action round trip p50 (µs)", k == null ? null : k.p50us(), r == null ? null : r.p50us(), "≤ 3× raw",
                ratioTarget(k == null ? null : k.p50us(), r == null ? null : r.p50us(), 3));
        row(t, "action round trip p99 (µs)", k == null ? null : k.p99us(), r == null ? null : r.p99us(), "—", "");
        k = (Stats) kervi.get("flood");
        r = (Stats) raw.get("flood");
        row(t, "sustained value events/s (received)", k == null ? null : k.ratePerSecond(),
                r == null ? null : r.ratePerSecond(), "≥ 100000/s", k == null ? "" : k.ratePerSecond() >= 100_000
                        ? "yes" : "NO");
        row(t, "flood: fraction delivered (%)", k == null ? null : 100.0 * k.count() / FLOOD,
                r == null ? null : 100.0 * r.count() / FLOOD, "100 % unless coalesced", "");
        row(t, "flood: one-way p50 under load (µs)", k == null ? null : k.p50us(), r == null ? null : r.p50us(),
                "—", "");
        row(t, "flood: one-way p99 under load (µs)", k == null ? null : k.p99us(), r == null ? null : r.p99us(),
                "—", "");
        long[] rss = (long[]) kervi.get("rss");
        if (rss != null) {
            for (int i = 0; i < 2; i++) {
                String who = i == 0 ? "A (hub)" : "B (client)";
                long before = rss[3 * i];
                long after = rss[3 * i + 1];
                long max = rss[3 * i + 2];
                t.append(String.format(Locale.ROOT, "| RSS %s before → after (max during) flood | %s → %s (%s) | | "
                        + "Δ %+.1f MiB | ≤ before + 64 MiB | %s |%n", who, Bench.mib(before), Bench.mib(after),
                        Bench.mib(max), (Math.max(after, max) - before) / 1024.0,
                        Math.max(after, max) - before <= 64 * 1024 ? "yes" : "NO"));
            }
        }
        return t.toString();
    }

    private static String ratioTarget(Double kervi, Double raw, double factor) {
        if (kervi == null || raw == null) {
            return "";
        }
        return kervi <= factor * raw ? "yes" : "NO";
    }

    private static void row(StringBuilder t, String figure, Double kervi, Double raw, String target, String met) {
        t.append("| ").append(figure).append(" | ").append(fmt(kervi)).append(" | ").append(fmt(raw)).append(" | ")
                .append(kervi != null && raw != null && raw != 0 ? String.format(Locale.ROOT, "%.2f×", kervi / raw)
                        : "")
                .append(" | ").append(target).append(" | ").append(met).append(" |\n");
    }

    private static String fmt(Double v) {
        if (v == null) {
            return "n/a";
        }
        return v >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
