package org.kervi.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** Helpers shared by the benchmarks. */
final class Bench {
    private Bench() {
    }

    /** Latency statistics as printed by {@code bench_sink.stats}, {@code bench_ping.pingpong} and the raw peer. */
    record Stats(long count, double ratePerSecond, double p50us, double p99us, double p999us, double maxus) {
        static Stats parse(String text) {
            int from = text.indexOf('{');
            int to = text.lastIndexOf('}');
            if (from < 0 || to < from) {
                throw new IllegalStateException("no stats JSON in: " + text);
            }
            JsonObject o = JsonParser.parseString(text.substring(from, to + 1)).getAsJsonObject();
            return new Stats(o.get("count").getAsLong(), o.get("ratePerSecond").getAsDouble(),
                    o.get("p50us").getAsDouble(), o.get("p99us").getAsDouble(), o.get("p999us").getAsDouble(),
                    o.get("maxus").getAsDouble());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "count=%d rate=%.0f/s p50=%.1fus p99=%.1fus p99.9=%.1fus max=%.1fus",
                    count, ratePerSecond, p50us, p99us, p999us, maxus);
        }
    }

    /** Calls {@code send} {@code count} times paced at {@code rate} per second (same loop as bench_source.burst). */
    static double pace(int rate, int count, Runnable send) {
        long interval = 1_000_000_000L / Math.max(1, rate);
        boolean parkOnly = Boolean.getBoolean("kervi.bench.parkingPacer");
        long start = System.nanoTime();
        long next = start;
        for (int i = 0; i < count; i++) {
            long now;
            while ((now = System.nanoTime()) < next) {
                if (parkOnly) {
                    LockSupport.parkNanos(next - now);
                } else if (next - now > 200_000) {
                    LockSupport.parkNanos(next - now - 100_000);
                }
            }
            send.run();
            next += interval;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file given by a system property, or the first file under {@code dir} whose name matches {@code regex}. */
    static Path locate(String property, String dir, String regex) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        try (Stream<Path> files = Files.list(Paths.get(dir))) {
            return files.filter(f -> f.getFileName().toString().matches(regex)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + regex + " in " + dir + " (set -D" + property
                            + "); build first: ./mvnw -B -Pbench install -DskipTests"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("no " + dir + ": build first (./mvnw -B -Pbench install -DskipTests)", e);
        }
    }

    static long procKiB(long pid, String file, String field) {
        try (Stream<String> lines = Files.lines(Paths.get("/proc", Long.toString(pid), file))) {
            return lines.filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.substring(field.length()).replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", kib / 1024.0);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Prints a report (title, machine, load average now, body) and writes it with {@link #writeReport}. */
    static void publish(String prefix, String title, String machine, String body) {
        String report = "# " + title + "\n\nMachine: " + machine + "\n\nLoad average at the end: " + loadAverage()
                + "\n\n" + body;
        System.out.println();
        System.out.println(report);
        System.out.println("[bench] report written to " + writeReport(prefix, report));
    }

    /** Writes a report under {@code kervi.bench.resultsDir} (default target/bench-results); returns its path. */
    static Path writeReport(String prefix, String text) {
        Path dir = Paths.get(System.getProperty("kervi.bench.resultsDir", "target/bench-results"));
        Path file = dir.resolve(prefix + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")) + ".md");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath();
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String machine() {
        long memKiB = -1;
        try (Stream<String> lines = Files.lines(Paths.get("/proc/meminfo"))) {
            memKiB = lines.filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
        } catch (IOException ignored) {
            // leave -1
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%d CPUs, %.1f GiB RAM, %s %s (%s), load average at start %.2f",
                Runtime.getRuntime().availableProcessors(), memKiB / 1048576.0, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.name") + " "
                        + System.getProperty("os.version"), load);
    }
}
