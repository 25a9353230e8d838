package org.kervi.bench.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.kervi.api.actions.ActionService;

/**
 * {@code callers} threads calling one action at the same time, each {@code callsPerCaller} calls in a row: round
 * trip percentiles over all calls and the throughput (calls / wall time from the first start to the last reply).
 */
final class ConcurrentCalls {
    private ConcurrentCalls() {
    }

    static String run(ActionService actions, String actionId, int callers, int callsPerCaller) throws Exception {
        long[][] latencies = new long[callers][callsPerCaller];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            long[] mine = latencies[c];
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < mine.length; i++) {
                        long start = System.nanoTime();
                        actions.call(actionId, (long) i).get(30, TimeUnit.SECONDS);
                        mine[i] = System.nanoTime() - start;
                    }
                } catch (Exception | Error e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "bench-caller-" + c);
            threads.add(t);
            t.start();
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + callers + " callers failed, first: "
                    + failures.get(0), failures.get(0));
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format(Locale.ROOT, "{\"count\":%d,\"ratePerSecond\":%.0f,\"p50us\":%.1f,\"p99us\":%.1f,"
                + "\"p999us\":%.1f,\"maxus\":%.1f}", all.length, all.length / seconds, micros(all, 0.50),
                micros(all, 0.99), micros(all, 0.999), all[all.length - 1] / 1000.0);
    }

    private static double micros(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
