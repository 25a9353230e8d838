package org.kervi.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables of the dashboard stream benchmark: latency by path, ratios, the target, events per client, RSS. */
final class DashboardReport {
    private final Map<String, Object> figures;
    private final List<StreamLatencyClient> clients;
    private final int sent;
    private final int rate;
    private final double targetP99ms;

    DashboardReport(Map<String, Object> figures, List<StreamLatencyClient> clients, int sent, int rate,
            double targetP99ms) {
        this.figures = figures;
        this.clients = clients;
        this.sent = sent;
        this.rate = rate;
        this.targetP99ms = targetP99ms;
    }

    String text() {
        StringBuilder t = new StringBuilder();
        LatencySummary all = aggregate(StreamLatencyClient::samples);
        LatencySummary bound = aggregate(StreamLatencyClient::ageBounds);
        StreamLatencyClient worst = clients.stream()
                .max(Comparator.comparingDouble(c -> c.summary().p99ms())).orElse(null);
        LatencySummary during = (LatencySummary) figures.get("ipcDuring");
        LatencySummary quiet = (LatencySummary) figures.get("ipcQuiet");
        LatencySummary raw = (LatencySummary) figures.get("raw");

        t.append(String.format(Locale.ROOT, "%d events at %d/s (`bench_source.burst` in A achieved %.1f/s), %d "
                + "stream clients. Latency in ms (sender's `System.nanoTime()` → received):%n%n", sent, rate,
                Double.parseDouble((String) figures.getOrDefault("achievedRate", "NaN")), clients.size()));
        t.append("| path | samples | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|\n");
        row(t, "A → IPC → R → dashboard stream → client, all clients", all);
        if (worst != null) {
            row(t, "same, worst client (#" + worst.index() + ", by p99)", worst.summary());
        }
        row(t, "same, all clients, bound incl. coalesced events: now − previous stamp received", bound);
        row(t, "IPC only, same events: A → IPC → R `bench_sink` listener", during);
        row(t, "IPC only, no stream open (" + DashboardBenchmark.IPC_ONLY_COUNT + " events)", quiet);
        row(t, "raw TCP one-way, one hop, Gson (" + DashboardBenchmark.IPC_ONLY_COUNT + " events)", raw);
        t.append('\n');

        if (during != null) {
            t.append(String.format(Locale.ROOT, "Dashboard stream vs IPC only (same events): p50 %s, p99 %s.",
                    DashboardBenchmark.ratio(all.p50ms(), during.p50ms()),
                    DashboardBenchmark.ratio(all.p99ms(), during.p99ms())));
        }
        if (raw != null) {
            t.append(String.format(Locale.ROOT, "%sDashboard stream vs raw TCP: p50 %s, p99 %s.",
                    during == null ? "" : " ",
                    DashboardBenchmark.ratio(all.p50ms(), raw.p50ms()),
                    DashboardBenchmark.ratio(all.p99ms(), raw.p99ms())));
        }
        t.append("\n\n");
        boolean met = all.count() > 0 && all.p99ms() <= targetP99ms;
        t.append(String.format(Locale.ROOT, "**Target p99 ≤ %.0f ms: %s** (all clients p99 %s ms; worst client p99 "
                + "%s ms; bound including coalesced events p99 %s ms: %s).%n%n", targetP99ms, met ? "met" : "MISSED",
                LatencySummary.fmt(all.p99ms()), worst == null ? "n/a" : LatencySummary.fmt(worst.summary().p99ms()),
                LatencySummary.fmt(bound.p99ms()), bound.p99ms() <= targetP99ms ? "met too" : "missed"));

        events(t);
        rss(t);
        return t.toString();
    }

    private void events(StringBuilder t) {
        long finalValue = (Long) figures.getOrDefault("finalValue", -1L);
        int min = clients.stream().mapToInt(StreamLatencyClient::received).min().orElse(0);
        int max = clients.stream().mapToInt(StreamLatencyClient::received).max().orElse(0);
        long total = clients.stream().mapToLong(StreamLatencyClient::received).sum();
        long withFinal = clients.stream().filter(c -> c.lastStamp() == finalValue).count();
        t.append(String.format(Locale.ROOT, "Events: %d sent; received per client %d–%d (%.1f %% of all sent, "
                + "the rest coalesced: latest wins); the last value reached %d of %d clients; stale or repeated "
                + "entries: %d.%n%n", sent, min, max, clients.isEmpty() ? 0 : 100.0 * total / sent / clients.size(),
                withFinal, clients.size(), clients.stream().mapToLong(StreamLatencyClient::stale).sum()));
        t.append("| client | received | coalesced away | `values` events | p50 | p90 | p99 | p99.9 | max | last value"
                + " | error |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (StreamLatencyClient c : clients) {
            t.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %s | %s | %s |%n", c.index(), c.received(),
                    sent - c.received(), c.valuesEvents(), c.summary().cells(),
                    c.lastStamp() == finalValue ? "yes" : "NO", c.failure() == null ? "" : c.failure()));
        }
        t.append('\n');
    }

    private void rss(StringBuilder t) {
        long[] rss = (long[]) figures.get("rss");
        if (rss == null) {
            return;
        }
        t.append(String.format(Locale.ROOT, "RSS of R before the streams opened → after the measured burst: %s → %s "
                + "(%+.1f MiB; max sampled during %s); PSS %s → %s.%n%n", Bench.mib(rss[0]), Bench.mib(rss[1]),
                (rss[1] - rss[0]) / 1024.0, Bench.mib(rss[2]), Bench.mib(rss[3]), Bench.mib(rss[4])));
    }

    private LatencySummary aggregate(java.util.function.Function<StreamLatencyClient, long[]> samples) {
        List<long[]> parts = clients.stream().map(samples).toList();
        long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (long[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return LatencySummary.of(all, all.length);
    }

    private static void row(StringBuilder t, String path, LatencySummary s) {
        if (s != null) {
            t.append("| ").append(path).append(" | ").append(s.count()).append(" | ").append(s.cells()).append(" |\n");
        }
    }
}
