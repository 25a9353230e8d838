package org.kervi.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.kervi.bench.Bench.Stats;

/**
 * The ids curve: A (hub) owns 10,000 values ({@code bench_ids}), B (client) records every event of them
 * ({@code bench_ids_sink}). For 10, 100, 1,000 and 10,000 distinct ids updated in turn: one-way latency at a fixed
 * total rate, then a flood (as fast as A can set them) — delivered events/s, the part delivered, CPU of A + B per
 * 1,000 delivered events, RSS of both before the flood and the most sampled during it. The raw TCP baseline (one socket, Kervi's framing) in the same run.
 */
final class IdsCurve {
    /** The points; {@code -Dkervi.bench.idsList=10000} measures one (e.g. under a profiler). */
    static final int[] IDS = java.util.Arrays.stream(System.getProperty("kervi.bench.idsList", "10,100,1000,10000")
            .split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    /** The last of the probe's ids, as {@code BenchIds} names them: B knows every id once it lists this one. */
    static final String LAST_ID = "bench_ids.v09999";
    static final int RATE = Integer.getInteger("kervi.bench.rate", 10_000);
    static final int COUNT = Integer.getInteger("kervi.bench.count", 50_000);
    static final int FLOOD = Integer.getInteger("kervi.bench.flood", 1_000_000);

    private final StringBuilder table = new StringBuilder();
    private final StringBuilder threads = new StringBuilder();
    private final ScaleChart latency = new ScaleChart("One-way latency at " + RATE + " events/s over n distinct ids",
            "distinct ids updating", "µs", true);
    private final ScaleChart throughput = new ScaleChart("Delivered value events/s, flood over n distinct ids",
            "distinct ids updating", "events/s", false);
    private final ScaleChart cpu = new ScaleChart("CPU (hub A + subscriber B) per 1,000 delivered events",
            "distinct ids updating", "CPU ms", false);

    String run() throws Exception {
        Stats rawOneWay;
        Stats rawFlood;
        try (RawPeerLink link = RawPeerLink.start()) {
            Bench.pace(10_000, 30_000, link::sendStamp);
            link.control("reset");
            Bench.pace(RATE, COUNT, link::sendStamp);
            rawOneWay = link.stats();
            link.control("reset");
            for (int i = 0; i < FLOOD; i++) {
                RawFraming.write(link.out, RawFraming.valueEvent(System.nanoTime()));
            }
            link.out.flush();
            rawFlood = awaitRaw(link, FLOOD);
        }
        System.out.println("[raw] one-way " + rawOneWay + "; flood " + rawFlood);
        table.append("| ids | one-way p50 (µs) | p99 (µs) | received at ").append(RATE).append("/s | flood: sent/s | "
                + "delivered/s | delivered | CPU A+B per 1,000 (ms) | B's reader per delivered (µs) | A's sender + writer per"
                + " sent (µs) | RSS A / B before flood (MiB) | max in flood | load |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        table.append(String.format(Locale.ROOT, "| raw TCP (1 id) | %.1f | %.1f | %d | | %.0f | %.1f %% | | | | | | %s |%n",
                rawOneWay.p50us(), rawOneWay.p99us(), rawOneWay.count(), rawFlood.ratePerSecond(),
                100.0 * rawFlood.count() / FLOOD, load()));
        try (IpcPair pair = new IpcPair("ids", Map.of("org.kervi.bench.ids", Map.of("ids", "10000")),
                Map.of("org.kervi.bench.idssink", Map.of("role", "sink"))).start()) {
            pair.b.awaitOutput("kervi:values", o -> o.contains(LAST_ID), Duration.ofMinutes(3));
            pair.b.awaitOutput("kervi:actions", o -> o.contains("bench_ids_sink.stats"), Duration.ofMinutes(1));
            System.out.println("[kervi] warm-up: 30,000 events at 10,000/s over 10,000 ids");
            IpcPair.action(pair.a, "bench_ids.burst 10000 10000 30000");
            awaitSink(pair, 30_000);
            for (int ids : IDS) {
                measure(pair, ids, rawOneWay, rawFlood);
            }
        }
        String l = latency.write("scale-ids-latency").getFileName().toString();
        String t = throughput.write("scale-ids-throughput").getFileName().toString();
        String c = cpu.write("scale-ids-cpu").getFileName().toString();
        return table + "\n" + threads + "Charts: " + l + ", " + t + ", " + c + "\n";
    }

    private void measure(IpcPair pair, int ids, Stats rawOneWay, Stats rawFlood) {
        IpcPair.action(pair.b, "bench_ids_sink.reset");
        IpcPair.action(pair.a, "bench_ids.burst " + ids + " " + RATE + " " + COUNT);
        Stats paced = awaitSink(pair, COUNT);
        IpcPair.action(pair.b, "bench_ids_sink.reset");
        long rssA = pair.a.rssKiB();
        long rssB = pair.b.rssKiB();
        String sent;
        Stats flood;
        double cpuPer1000;
        long maxA;
        long maxB;
        double readerUs;
        double senderUs;
        try (RssSampler samplerA = new RssSampler(pair.a.pid()); RssSampler samplerB = new RssSampler(pair.b.pid())) {
            double cpu0 = ProcessCpu.millis(pair.a.pid()) + ProcessCpu.millis(pair.b.pid());
            ThreadCpu a0 = ThreadCpu.snapshot(pair.a.pid());
            ThreadCpu b0 = ThreadCpu.snapshot(pair.b.pid());
            sent = IpcPair.action(pair.a, "bench_ids.flood " + ids + " " + FLOOD).trim();
            flood = awaitSink(pair, FLOOD);
            ThreadCpu a1 = ThreadCpu.snapshot(pair.a.pid());
            ThreadCpu b1 = ThreadCpu.snapshot(pair.b.pid());
            readerUs = b1.millisSince(b0, "kervi-ipc-read") * 1000.0 / Math.max(1, flood.count());
            senderUs = a1.millisSince(a0, "kervi-action", "kervi-ipc-write") * 1000.0 / FLOOD;
            threads.append(String.format(Locale.ROOT, "Flood over %,d ids, CPU per thread — A: %s; B: %s.%n%n", ids,
                    a1.busiestSince(a0, 6), b1.busiestSince(b0, 6)));
            cpuPer1000 = (ProcessCpu.millis(pair.a.pid()) + ProcessCpu.millis(pair.b.pid()) - cpu0) * 1000.0
                    / Math.max(1, flood.count());
            maxA = Math.max(samplerA.maxKiB(), pair.a.rssKiB());
            maxB = Math.max(samplerB.maxKiB(), pair.b.rssKiB());
        }
        System.out.printf(Locale.ROOT, "[kervi] %d ids: paced %s; flood sent %s/s, received %s; CPU %.1f ms/1000%n",
                ids, paced, sent, flood, cpuPer1000);
        table.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %d | %.0f | %.0f | %.1f %% | %.1f | %.2f | %.2f"
                + " | %.0f / %.0f | %.0f / %.0f | %s |%n", ids, paced.p50us(), paced.p99us(), paced.count(),
                Double.parseDouble(sent), flood.ratePerSecond(), 100.0 * flood.count() / FLOOD, cpuPer1000, readerUs,
                senderUs, rssA / 1024.0, rssB / 1024.0, maxA / 1024.0, maxB / 1024.0, load()));
        latency.point("Kervi p50", ids, paced.p50us()).point("Kervi p99", ids, paced.p99us())
                .point("raw TCP p50", ids, rawOneWay.p50us()).point("raw TCP p99", ids, rawOneWay.p99us());
        throughput.point("Kervi delivered/s", ids, flood.ratePerSecond())
                .point("raw TCP delivered/s", ids, rawFlood.ratePerSecond());
        cpu.point("Kervi A + B", ids, cpuPer1000);
    }

    /** The sink's stats once it counted {@code expected}, or once its count stopped growing for 1.5 s. */
    private static Stats awaitSink(IpcPair pair, int expected) {
        long last = -1;
        int stable = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            long count = Long.parseLong(IpcPair.action(pair.b, "bench_ids_sink.count").trim());
            stable = count == last ? stable + 1 : 0;
            if (count >= expected || stable >= 3) {
                break;
            }
            last = count;
            Bench.sleep(500);
        }
        return Stats.parse(IpcPair.action(pair.b, "bench_ids_sink.stats"));
    }

    private static Stats awaitRaw(RawPeerLink link, int expected) throws Exception {
        Stats s = link.stats();
        long last = -1;
        while (s.count() < expected && s.count() != last) {
            last = s.count();
            Bench.sleep(500);
            s = link.stats();
        }
        return s;
    }

    static String load() {
        return Bench.loadAverage().replace(" (1 / 5 / 15 min)", "");
    }
}
