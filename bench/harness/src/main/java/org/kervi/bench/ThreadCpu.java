package org.kervi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time per thread of a JVM from {@code /proc/<pid>/task/<tid>/stat} (utime + stime; the thread name is
 * Java's, cut to 15 characters by Linux): a cheap profile of where a phase spent its CPU.
 */
final class ThreadCpu {
    private static final double TICK_MS = 10.0; // USER_HZ = 100 on Linux

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> ticks = new HashMap<>();

    static ThreadCpu snapshot(long pid) {
        ThreadCpu s = new ThreadCpu();
        try (Stream<Path> tasks = Files.list(Paths.get("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] rest = stat.substring(close + 2).split(" ");
                    long tid = Long.parseLong(t.getFileName().toString());
                    s.names.put(tid, stat.substring(open + 1, close));
                    s.ticks.put(tid, Long.parseLong(rest[11]) + Long.parseLong(rest[12]));
                } catch (IOException | RuntimeException ignored) {
                    // thread gone
                }
            });
        } catch (IOException ignored) {
            // process gone
        }
        return s;
    }

    /** CPU ms since {@code before} of the threads whose (15-character) names start with one of {@code prefixes}. */
    double millisSince(ThreadCpu before, String... prefixes) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : ticks.entrySet()) {
            String name = names.get(e.getKey());
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    sum += e.getValue() - before.ticks.getOrDefault(e.getKey(), 0L);
                    break;
                }
            }
        }
        return sum * TICK_MS;
    }

    /** The busiest threads since {@code before}, e.g. {@code kervi-ipc-writ 1230 ms, ...}, and the total. */
    String busiestSince(ThreadCpu before, int top) {
        Map<String, Long> byName = new HashMap<>();
        long total = 0;
        for (Map.Entry<Long, Long> e : ticks.entrySet()) {
            long d = e.getValue() - before.ticks.getOrDefault(e.getKey(), 0L);
            if (d > 0) {
                byName.merge(names.get(e.getKey()), d, Long::sum);
                total += d;
            }
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(byName.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "total %.0f ms CPU: ", total * TICK_MS));
        for (int i = 0; i < Math.min(top, sorted.size()); i++) {
            b.append(i == 0 ? "" : ", ").append('`').append(sorted.get(i).getKey()).append("` ")
                    .append(String.format(Locale.ROOT, "%.0f ms", sorted.get(i).getValue() * TICK_MS));
        }
        return b.toString();
    }
}
