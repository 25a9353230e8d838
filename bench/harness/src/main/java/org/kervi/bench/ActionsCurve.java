package org.kervi.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.kervi.bench.Bench.Stats;

/**
 * The actions curve: 1, 8 and 64 concurrent callers in A ({@code bench_ping.concurrent}) on one remote action,
 * {@code bench_echo.echo} in B, 10,000 calls per point after a warm-up; beside it the raw baseline with the same
 * callers sharing one connection to a {@link RawTcpPeer} ({@link RawConcurrentCalls}).
 */
final class ActionsCurve {
    static final int[] CALLERS = {1, 8, 64};
    static final int CALLS = Integer.getInteger("kervi.bench.calls", 10_000);

    private final StringBuilder table = new StringBuilder();
    private final ScaleChart latency = new ScaleChart("Action round trip with n concurrent callers", "callers",
            "µs", true);
    private final ScaleChart throughput = new ScaleChart("Action calls per second with n concurrent callers",
            "callers", "calls/s", false);

    String run() throws Exception {
        Stats[] raw = new Stats[CALLERS.length];
        for (int i = 0; i < CALLERS.length; i++) {
            try (RawPeerLink link = RawPeerLink.start()) {
                raw[i] = RawConcurrentCalls.run(link, CALLERS[i], CALLS);
            }
            System.out.println("[raw] " + CALLERS[i] + " callers: " + raw[i]);
        }
        table.append("| callers | Kervi p50 (µs) | p99 | p99.9 | calls/s | raw p50 (µs) | p99 | p99.9 | calls/s |"
                + " p99 / raw p99 | load |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        try (IpcPair pair = new IpcPair("actions", Map.of("org.kervi.bench.ping", Map.of("role", "ping")),
                Map.of("org.kervi.bench.echo", Map.of("role", "echo"))).start()) {
            pair.a.awaitOutput("kervi:actions", o -> o.contains("bench_echo.echo") && o.contains("bench_ping.concurrent"),
                    Duration.ofSeconds(90));
            IpcPair.action(pair.a, "bench_ping.pingpong bench_echo.echo 5000");
            for (int i = 0; i < CALLERS.length; i++) {
                Stats k = Stats.parse(IpcPair.action(pair.a, "bench_ping.concurrent bench_echo.echo " + CALLERS[i]
                        + " " + CALLS));
                System.out.println("[kervi] " + CALLERS[i] + " callers: " + k);
                row(CALLERS[i], k, raw[i]);
            }
        }
        String l = latency.write("scale-actions-latency").getFileName().toString();
        String t = throughput.write("scale-actions-throughput").getFileName().toString();
        return table + "\nCharts: " + l + ", " + t + "\n";
    }

    private void row(int callers, Stats k, Stats r) {
        table.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.0f | %.1f | %.1f | %.1f | %.0f | %.2f× |"
                + " %s |%n", callers, k.p50us(), k.p99us(), k.p999us(), k.ratePerSecond(), r.p50us(), r.p99us(),
                r.p999us(), r.ratePerSecond(), k.p99us() / r.p99us(), IdsCurve.load()));
        latency.point("Kervi p50", callers, k.p50us()).point("Kervi p99", callers, k.p99us())
                .point("Kervi p99.9", callers, k.p999us()).point("raw p50", callers, r.p50us())
                .point("raw p99", callers, r.p99us());
        throughput.point("Kervi", callers, k.ratePerSecond()).point("raw TCP", callers, r.ratePerSecond());
    }
}
