package org.kervi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.kervi.bench.Bench.Stats;
import org.kervi.testkit.KarafProcess;

/**
 * The instances curve: one real Karaf hub (the root's role, {@code kervi-ipc}) and 2, 4, 8, 16 connected
 * module-like instances ({@link SimulatedInstance}: Kervi's TCP client transport, all in this JVM, each owning a
 * value and an action, each subscribed to every value: all-to-all). At a fixed total rate the instances publish
 * their stamps in turn; every event fans out to the other n − 1 instances (and the hub's own instance). Measured:
 * hub CPU per published event and per delivery, fan-out latency p50/p99 over all deliveries, hub RSS per
 * connected instance. The hub's CPU with the instances connected and quiet, over as long as the burst, is
 * subtracted (heartbeats, its own housekeeping).
 */
final class InstancesCurve {
    static final int[] INSTANCES = {2, 4, 8, 16};
    static final int RATE = Integer.getInteger("kervi.bench.rate", 1_000);
    static final int COUNT = Integer.getInteger("kervi.bench.count", 10_000);

    private final StringBuilder table = new StringBuilder();
    private final ScaleChart latency = new ScaleChart("Fan-out latency at " + RATE + " events/s, n instances",
            "connected instances", "µs", true);
    private final ScaleChart cpu = new ScaleChart("Hub CPU per published event (fans out to n − 1 + root)",
            "connected instances", "CPU µs", false);
    private final ScaleChart memory = new ScaleChart("Hub RSS growth per connected instance",
            "connected instances", "KiB", false);

    String run() throws Exception {
        String secret = UUID.randomUUID().toString();
        int port = Bench.freePort();
        KarafProcess hub = new KarafProcess("inst-hub").withJavaOpts(System.getProperty("kervi.bench.javaOpts", ""))
                .withConfig("org.kervi.core", Map.of("instanceId", "root"))
                .withConfig("org.kervi.ipc", Map.of("role", "hub", "host", "127.0.0.1", "port", Integer.toString(port),
                        "bindAddress", "127.0.0.1", "secret", secret, "applicationId", "bench"));
        table.append("| instances | fan-out p50 (µs) | p99 (µs) | p99.9 (µs) | deliveries | of | hub CPU per event (µs)"
                + " | per delivery (µs) | hub RSS (MiB) | RSS growth per instance (KiB) | load |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        try {
            hub.start();
            hub.execute("feature:install kervi-ipc", Duration.ofMinutes(3));
            hub.awaitOutput("kervi:instances", o -> o.contains(": connected"), Duration.ofMinutes(1));
            Bench.sleep(3000);
            long rss0 = hub.rssKiB();
            for (int n : INSTANCES) {
                measure(hub, port, secret, n, rss0);
            }
        } finally {
            hub.close();
        }
        String l = latency.write("scale-instances-latency").getFileName().toString();
        String c = cpu.write("scale-instances-cpu").getFileName().toString();
        String m = memory.write("scale-instances-memory").getFileName().toString();
        return table + "\nHub RSS with no instance connected is the baseline of the growth column.\n\nCharts: " + l
                + ", " + c + ", " + m + "\n";
    }

    private void measure(KarafProcess hub, int port, String secret, int n, long rss0) {
        Latencies received = new Latencies(COUNT * (n - 1));
        List<SimulatedInstance> instances = new ArrayList<>();
        try {
            for (int k = 0; k < n; k++) {
                instances.add(new SimulatedInstance("n" + n + "_" + k, port, secret, received).start());
            }
            awaitAllToAll(instances);
            Bench.pace(RATE, 2 * RATE, publisher(instances));
            awaitCount(received, 2L * RATE * (n - 1));
            received.reset();
            Bench.sleep(1000);
            long rss = hub.rssKiB();
            double idle0 = ProcessCpu.millis(hub.pid());
            long idleFrom = System.nanoTime();
            Bench.sleep(COUNT * 1000L / RATE);
            double idlePerSecond = (ProcessCpu.millis(hub.pid()) - idle0) / ((System.nanoTime() - idleFrom) / 1e9);
            double cpu0 = ProcessCpu.millis(hub.pid());
            long from = System.nanoTime();
            Bench.pace(RATE, COUNT, publisher(instances));
            awaitCount(received, (long) COUNT * (n - 1));
            double cpuMs = ProcessCpu.millis(hub.pid()) - cpu0 - idlePerSecond * (System.nanoTime() - from) / 1e9;
            Stats s = Stats.parse(received.statsJson());
            double perEvent = cpuMs * 1000 / COUNT;
            double perDelivery = cpuMs * 1000 / ((double) COUNT * n);
            double growth = (rss - rss0) / (double) n;
            System.out.printf(Locale.ROOT, "[instances] %d: %s; hub CPU %.0f ms (%.1f µs/event); RSS %s%n", n, s,
                    cpuMs, perEvent, Bench.mib(rss));
            table.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %d | %d | %.1f | %.1f | %.1f | %.0f | %s"
                    + " |%n", n, s.p50us(), s.p99us(), s.p999us(), s.count(), (long) COUNT * (n - 1), perEvent,
                    perDelivery, rss / 1024.0, growth, IdsCurve.load()));
            latency.point("p50", n, s.p50us()).point("p99", n, s.p99us());
            cpu.point("hub CPU per published event", n, perEvent)
                    .point("hub CPU per delivery", n, perDelivery);
            memory.point("hub RSS growth / instance", n, growth);
        } finally {
            instances.forEach(SimulatedInstance::close);
        }
    }

    private static Runnable publisher(List<SimulatedInstance> instances) {
        int[] next = {0};
        return () -> {
            SimulatedInstance from = instances.get(next[0]++ % instances.size());
            from.transport.publish(from.stampId(), (double) System.nanoTime(), System.currentTimeMillis());
        };
    }

    private static void awaitAllToAll(List<SimulatedInstance> instances) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (instances.stream().anyMatch(i -> i.remoteStampsSeen() < instances.size() - 1)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the instances did not all see each other within 60 s: "
                        + instances.stream().map(i -> i.id + " sees " + i.remoteStampsSeen()).toList());
            }
            Bench.sleep(100);
        }
    }

    /** Until {@code expected} deliveries arrived, or none arrived for 2 s. */
    private static void awaitCount(Latencies received, long expected) {
        long last = -1;
        int stable = 0;
        while (received.count() < expected && stable < 4) {
            Bench.sleep(500);
            long now = received.count();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
    }
}
