package org.kervi.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One browser-like live stream: its own dashboard session, {@code GET <base>/api/stream} read on its own thread
 * through {@link SseParser}, every {@code values} / {@code snapshot} event parsed with Gson. For each entry of the
 * probe value (whose state is the sender's {@link System#nanoTime()}) in a {@code values} event it records
 * {@code nanoTime() - state}, taken when the event is complete, before parsing: sensor → browser latency.
 * Snapshot entries only count as "connected" (they carry an old state).
 */
final class StreamLatencyClient implements AutoCloseable {
    private final int index;
    private final String valueId;
    private final CountDownLatch connected = new CountDownLatch(1);
    private volatile InputStream body;
    private volatile Thread reader;
    private volatile boolean closing;

    // written by the reader thread, read by the harness: guarded by this
    private long[] samples = new long[0];
    private long[] ageBounds = new long[0];
    private int received;
    private long previousInRecording = -1;
    private long fromNanos = Long.MAX_VALUE;
    private long lastStamp;
    private long valuesEvents;
    private long otherEvents;
    private long stale;
    private String failure;

    StreamLatencyClient(int index, String valueId) {
        this.index = index;
        this.valueId = valueId;
    }

    int index() {
        return index;
    }

    /** Logs in, opens the stream and waits for its snapshot. */
    void open(DashboardApi api, Duration timeout) throws Exception {
        HttpResponse<InputStream> response = api.openStream();
        if (response.statusCode() != 200) {
            String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("stream " + index + ": " + response.statusCode() + " " + text);
        }
        body = response.body();
        Thread t = new Thread(this::read, "sse-client-" + index);
        t.setDaemon(true);
        reader = t;
        t.start();
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || failure() != null) {
            throw new IOException("stream " + index + ": no snapshot within " + timeout + "; " + failure());
        }
    }

    /** Starts a new recording: only stamps taken at or after {@code fromNanos} count, up to {@code capacity}. */
    synchronized void record(long fromNanos, int capacity) {
        this.fromNanos = fromNanos;
        samples = new long[capacity];
        ageBounds = new long[capacity];
        received = 0;
        previousInRecording = -1;
        valuesEvents = 0;
        otherEvents = 0;
        stale = 0;
    }

    private void read() {
        SseParser parser = new SseParser(this::event);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 65536)) {
            String line;
            while ((line = lines.readLine()) != null) {
                parser.line(line);
            }
            fail("the server ended the stream");
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                fail(e.toString());
            }
        }
    }

    private void event(String type, String data) {
        long now = System.nanoTime();
        boolean values = type.equals("values");
        if (!values && !type.equals("snapshot")) {
            synchronized (this) {
                otherEvents++;
            }
            return;
        }
        long stamp = -1;
        for (JsonElement e : JsonParser.parseString(data).getAsJsonArray()) {
            JsonObject entry = e.getAsJsonObject();
            JsonElement v = entry.get("v");
            if (valueId.equals(entry.get("id").getAsString()) && v != null && v.isJsonPrimitive()
                    && v.getAsJsonPrimitive().isNumber()) {
                stamp = (long) v.getAsDouble();
            }
        }
        synchronized (this) {
            if (values) {
                valuesEvents++;
            }
            if (stamp >= 0) {
                if (values && stamp >= fromNanos) {
                    if (stamp <= lastStamp) {
                        stale++;
                    } else {
                        if (received < samples.length) {
                            samples[received] = now - stamp;
                            ageBounds[received] = now - (previousInRecording < 0 ? stamp : previousInRecording);
                        }
                        received++;
                        previousInRecording = stamp;
                    }
                }
                lastStamp = Math.max(lastStamp, stamp);
            }
        }
        if (!values) {
            connected.countDown();
        }
    }

    private synchronized void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        connected.countDown();
    }

    synchronized String failure() {
        return failure;
    }

    /** Stamps received in {@code values} events since {@link #record}. */
    synchronized int received() {
        return received;
    }

    synchronized long lastStamp() {
        return lastStamp;
    }

    synchronized long valuesEvents() {
        return valuesEvents;
    }

    synchronized long otherEvents() {
        return otherEvents;
    }

    /** Entries of the probe value not newer than one already seen (would be a bug: latest wins). */
    synchronized long stale() {
        return stale;
    }

    synchronized LatencySummary summary() {
        return LatencySummary.of(samples, Math.min(received, samples.length));
    }

    /** The samples since {@link #record}, for the aggregate over all clients. */
    synchronized long[] samples() {
        return java.util.Arrays.copyOf(samples, Math.min(received, samples.length));
    }

    /**
     * Per received entry, {@code now - previous stamp received} (the first: its own latency): a bound on the
     * latency of every event this entry stands for, including those coalesced away before it (their stamps lie
     * between the previous one and this one). Latency of delivered entries alone flatters a coalescing stream:
     * the events that waited longest are the ones replaced.
     */
    synchronized long[] ageBounds() {
        return java.util.Arrays.copyOf(ageBounds, Math.min(received, ageBounds.length));
    }

    @Override
    public void close() {
        closing = true;
        InputStream in = body;
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        Thread t = reader;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
