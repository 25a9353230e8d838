package org.kervi.bench;

import org.kervi.bench.Bench.Stats;

/**
 * The raw TCP one-way figure of the IPC benchmark, alone: value frames from this JVM to a {@link RawTcpPeer} JVM
 * on loopback (Kervi's framing, Gson, flushed per event), paced like {@code bench_source.burst}, after the same
 * warm-up (30,000 events at 10,000/s) as the IPC benchmark. The floor any Kervi path between two JVMs is compared with.
 */
final class RawOneWayBaseline {
    private RawOneWayBaseline() {
    }

    static Stats run(int rate, int count) throws Exception {
        try (RawPeerLink link = RawPeerLink.start()) {
            Bench.pace(DashboardBenchmark.IPC_WARMUP_RATE, DashboardBenchmark.IPC_WARMUP_COUNT, link::sendStamp);
            link.control("reset");
            Bench.pace(rate, count, link::sendStamp);
            return link.stats();
        }
    }
}
