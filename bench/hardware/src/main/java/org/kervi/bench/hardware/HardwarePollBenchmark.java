package org.kervi.bench.hardware;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link Bme280Poll} with JMH (one fork, 5 × 10 s warm-up, 5 × 10 s measurement; {@code -Dkervi.bench.forks},
 * {@code -Dkervi.bench.iterations} change that) and prints each figure with its ratio to the bare register read of
 * the same run, the fastest iteration's too (the least disturbed by a shared machine), and the bytes allocated per
 * operation (JMH's GC profiler). The report also goes to {@code kervi.bench.resultsDir} (default target/bench-results).
 */
public final class HardwarePollBenchmark {
    private HardwarePollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int iterations = Integer.getInteger("kervi.bench.iterations", 5);
        Options options = new OptionsBuilder().include(Bme280Poll.class.getName() + "\\.")
                .forks(Integer.getInteger("kervi.bench.forks", 1)).warmupIterations(iterations)
                .measurementIterations(iterations).jvmArgs("-Xms64m", "-Xmx256m").addProfiler(GCProfiler.class).build();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Map<String, RunResult> runs = new LinkedHashMap<>();
        for (RunResult run : new Runner(options).run()) {
            String method = run.getParams().getBenchmark();
            runs.put(method.substring(method.lastIndexOf('.') + 1), run);
        }
        Result<?> bare = runs.get("bareBurstRead").getPrimaryResult();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "# BME280 poll on Pi4J's mock platform%n%n"
                + "%s %s, %d CPUs, load average %.2f before, %.2f after%n%n"
                + "| benchmark | ns/op | ± (99.9 %%) | ratio to bareBurstRead | fastest iteration (ns/op) | its ratio"
                + " | allocated (B/op) |%n|---|---|---|---|---|---|---|%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors(), loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        for (Map.Entry<String, RunResult> run : runs.entrySet()) {
            Result<?> r = run.getValue().getPrimaryResult();
            Result<?> allocated = run.getValue().getSecondaryResults().get("gc.alloc.rate.norm");
            double fastest = r.getStatistics().getMin();
            report.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %.0f | %s | %s |%n", run.getKey(),
                    r.getScore(), r.getScoreError(), ratio(r.getScore() / bare.getScore()), fastest,
                    ratio(fastest / bare.getStatistics().getMin()),
                    allocated == null ? "n/a" : String.format(Locale.ROOT, "%.0f", allocated.getScore())));
        }
        System.out.println();
        System.out.println(report);
        System.out.println("[bench] report written to " + write(report.toString()));
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, ratio < 0.01 ? "%.4f×" : "%.2f×", ratio);
    }

    private static Path write(String report) throws IOException {
        Path dir = Paths.get(System.getProperty("kervi.bench.resultsDir", "target/bench-results"));
        Files.createDirectories(dir);
        Path file = dir.resolve("hardware-poll-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report);
        return file.toAbsolutePath();
    }
}
