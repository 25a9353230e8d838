package org.kervi.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.kervi.bench.Bench.Stats;
import org.kervi.testkit.KarafProcess;

/**
 * Scheduler precision, one run in one real Karaf instance: a 1 s schedule ({@code every().second()} through the
 * {@code ScheduleService} of {@code kervi-automation}) starting the action {@code bench_sched.tick}, against a plain
 * {@code ScheduledExecutorService} at a fixed rate of 1 s in the same JVM at the same time (the baseline). Lateness is
 * the time past the whole second when the action (or the task) starts. System properties:
 * {@code kervi.bench.scheduleSeconds} (600; 60 for a quick run), {@code kervi.bench.javaOpts}.
 */
public final class SchedulePrecisionBenchmark {
    private final int seconds = Integer.getInteger("kervi.bench.scheduleSeconds", 600);

    public static void main(String[] args) throws Exception {
        SchedulePrecisionBenchmark bench = new SchedulePrecisionBenchmark();
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        String table = bench.run();
        Bench.publish("schedule-precision", "Scheduler precision: lateness of a 1 s schedule over " + bench.seconds
                + " s", machine, table);
        System.exit(0);
    }

    String run() throws Exception {
        Path probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        KarafProcess k = new KarafProcess("bench-sched").withJavaOpts(System.getProperty("kervi.bench.javaOpts", ""))
                .withConfig("org.kervi.bench.schedule", Map.of("role", "schedule"));
        try {
            Files.createDirectories(k.home().resolve("deploy"));
            Files.copy(probe, k.home().resolve("deploy").resolve(probe.getFileName()));
            k.start();
            k.execute("feature:install kervi-automation", Duration.ofMinutes(2));
            k.awaitOutput("kervi:actions --no-format", out -> out.contains("bench_sched.start"), Duration.ofMinutes(2));
            System.out.println("[schedule] " + k.execute("kervi:action bench_sched.start " + seconds).trim());
            k.awaitOutput("kervi:action bench_sched.done", out -> out.trim().equals("true"),
                    Duration.ofSeconds(seconds + 120));
            String stats = k.execute("kervi:action bench_sched.stats");
            System.out.println("[schedule] " + stats.trim());
            JsonObject o = JsonParser.parseString(stats.substring(stats.indexOf('{'), stats.lastIndexOf('}') + 1))
                    .getAsJsonObject();
            Stats scheduler = Stats.parse(o.get("scheduler").toString());
            Stats baseline = Stats.parse(o.get("baseline").toString());
            System.out.println("[schedule] schedules: " + k.execute("kervi:schedules --no-format").trim());
            return "| 1 s timer | runs | p50 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|---:|\n"
                    + row("ScheduleService → action start (bench_sched.tick)", scheduler)
                    + row("baseline: ScheduledExecutorService.scheduleAtFixedRate", baseline);
        } finally {
            KarafProcess.closeAll(k);
        }
    }

    private static String row(String what, Stats s) {
        return String.format(java.util.Locale.ROOT, "| %s | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n", what,
                s.count(), s.p50us() / 1000, s.p99us() / 1000, s.p999us() / 1000, s.maxus() / 1000);
    }
}
