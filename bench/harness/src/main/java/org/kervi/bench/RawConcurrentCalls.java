package org.kervi.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kervi.bench.Bench.Stats;

/**
 * The raw counterpart of concurrent action callers: {@code callers} threads share one connection to the
 * {@link RawTcpPeer} (as every caller of a remote action shares its instance's one link), each writes its call
 * frame and waits for its reply, which one reader thread hands over by {@code cid}.
 */
final class RawConcurrentCalls {
    private RawConcurrentCalls() {
    }

    static Stats run(RawPeerLink link, int callers, int total) throws Exception {
        Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
        AtomicLong cids = new AtomicLong(1_000_000_000L);
        Thread reader = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    JsonObject reply = RawFraming.read(link.in);
                    CompletableFuture<JsonObject> f = pending.remove(reply.get("cid").getAsLong());
                    if (f != null) {
                        f.complete(reply);
                    }
                }
            } catch (IOException e) {
                pending.values().forEach(f -> f.completeExceptionally(e));
            }
        }, "raw-reply-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            once(link, pending, cids, callers, Math.max(1, total / callers / 10));
            return once(link, pending, cids, callers, total / callers);
        } finally {
            // the reader stops at the next reply that never comes: the link is not used for calls after this
            reader.interrupt();
        }
    }

    private static Stats once(RawPeerLink link, Map<Long, CompletableFuture<JsonObject>> pending, AtomicLong cids,
            int callers, int each) throws Exception {
        long[][] latencies = new long[callers][each];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            long[] mine = latencies[c];
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < mine.length; i++) {
                        long cid = cids.incrementAndGet();
                        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
                        pending.put(cid, reply);
                        long start = System.nanoTime();
                        synchronized (link.out) {
                            RawFraming.write(link.out, RawFraming.echoCall(cid, i));
                            link.out.flush();
                        }
                        if (reply.get(30, TimeUnit.SECONDS).get("result").getAsLong() != i) {
                            throw new IllegalStateException("bad reply to " + cid);
                        }
                        mine[i] = System.nanoTime() - start;
                    }
                } catch (Exception | Error e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "raw-caller-" + c);
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
            throw new IllegalStateException(failures.size() + " raw callers failed, first: " + failures.get(0));
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Stats(all.length, all.length / seconds, Percentiles.micros(all, 0.50),
                Percentiles.micros(all, 0.99), Percentiles.micros(all, 0.999), all[all.length - 1] / 1000.0);
    }
}
