package org.kervi.dashboard.internal;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;

/**
 * One open live stream. Value changes wait in a map keyed by id (the latest wins), so a slow browser costs at most
 * one entry per value; they go out as a single {@code values} event, after any control events (hello, snapshot,
 * model, ping) in their order. A round of changes that finds the stream idle is written as the round's shared
 * bytes, encoded once for all streams.
 *
 * <p>Writes are non-blocking (Servlet 3.1 async output): the thread that offers to an idle stream writes at once,
 * and a browser that does not keep up never holds that thread — its stream waits until Jetty calls
 * {@link WriteListener#onWritePossible()}, meanwhile coalescing. No thread per stream.
 */
final class StreamClient {
    private final long id;
    private final String user;
    private final String remote;
    private final long openedAtMillis = System.currentTimeMillis();
    private final ServletOutputStream out;
    private final Consumer<StreamClient> onClosed;
    private final Object lock = new Object();
    private final Map<String, String> pendingValues = new LinkedHashMap<>();
    private final Queue<String> pendingControls = new ArrayDeque<>();
    private volatile Set<String> streamedIds;
    private final UserSession session;
    /** A round that found nothing else pending, to be written as it is. */
    private ValuesBatch pendingRound;
    /** Some thread owns the writing (until {@link #start()}: Jetty's first {@code onWritePossible}). */
    private boolean draining = true;
    /** The owner waits for Jetty to call {@code onWritePossible}. */
    private boolean awaitingJetty = true;
    /** Written but not flushed yet (only the owner touches it). */
    private boolean unflushed;
    private volatile boolean closed;
    private long eventsSent;
    private long valuesCoalesced;

    StreamClient(long id, UserSession session, String remote, Set<String> streamedIds, ServletOutputStream out,
            Consumer<StreamClient> onClosed) {
        this.id = id;
        this.session = session;
        this.user = session.user();
        this.remote = remote;
        this.streamedIds = streamedIds;
        this.out = out;
        this.onClosed = onClosed;
    }

    long id() {
        return id;
    }

    String user() {
        return user;
    }

    String remote() {
        return remote;
    }

    long openedAtMillis() {
        return openedAtMillis;
    }

    UserSession session() {
        return session;
    }

    long eventsSent() {
        synchronized (lock) {
            return eventsSent;
        }
    }

    long valuesCoalesced() {
        synchronized (lock) {
            return valuesCoalesced;
        }
    }

    boolean isClosed() {
        return closed;
    }

    Set<String> streamedIds() {
        return streamedIds;
    }

    void streamedIds(Set<String> ids) {
        this.streamedIds = ids;
    }

    /** Switches the output to non-blocking writes; Jetty then calls {@code onWritePossible}, which starts writing. */
    void start() {
        out.setWriteListener(new WriteListener() {
            @Override
            public void onWritePossible() {
                synchronized (lock) {
                    if (!awaitingJetty || closed) {
                        return;
                    }
                    awaitingJetty = false;
                }
                drain();
            }

            @Override
            public void onError(Throwable t) {
                close();
            }
        });
    }

    /** A round of changes, shared by every stream (never modified). */
    void offerValues(ValuesBatch round) {
        if (closed) {
            return;
        }
        Set<String> streamed = streamedIds;
        boolean drainHere;
        synchronized (lock) {
            if (pendingRound == null && pendingValues.isEmpty() && streamed.containsAll(round.ids())) {
                pendingRound = round;
            } else {
                spillPendingRoundLocked();
                for (ValuesBatch.Entry e : round.entries()) {
                    if (streamed.contains(e.valueId()) && pendingValues.put(e.valueId(), e.json()) != null) {
                        valuesCoalesced++;
                    }
                }
                if (pendingValues.isEmpty()) {
                    return;
                }
            }
            drainHere = claimLocked();
        }
        if (drainHere) {
            drain();
        }
    }

    void offerControl(String event, JsonElement data) {
        if (closed) {
            return;
        }
        String frame = StreamFrames.frame(event, data.toString());
        boolean drainHere;
        synchronized (lock) {
            pendingControls.add(frame);
            drainHere = claimLocked();
        }
        if (drainHere) {
            drain();
        }
    }

    private void spillPendingRoundLocked() {
        if (pendingRound != null) {
            pendingRound.entries().forEach(e -> pendingValues.put(e.valueId(), e.json()));
            pendingRound = null;
        }
    }

    private boolean claimLocked() {
        if (draining) {
            return false;
        }
        draining = true;
        return true;
    }

    /**
     * Writes while there is something to write and Jetty takes it without blocking; by the owner only. Before each
     * {@code isReady()} the owner says it may wait for Jetty: when {@code isReady()} answers false, Jetty calls
     * {@code onWritePossible} later (possibly before this thread has returned), which takes the ownership over.
     */
    private void drain() {
        try {
            while (true) {
                synchronized (lock) {
                    awaitingJetty = true;
                }
                if (!out.isReady()) {
                    return;
                }
                synchronized (lock) {
                    awaitingJetty = false;
                }
                if (unflushed) {
                    unflushed = false;
                    out.flush();
                    continue;
                }
                byte[] next = takeOrRelease();
                if (next == null) {
                    return;
                }
                out.write(next);
                unflushed = true;
            }
        } catch (IOException | RuntimeException e) {
            close();
        }
    }

    /** The next bytes to write, or null, when nothing is pending, after giving up the ownership. */
    private byte[] takeOrRelease() {
        synchronized (lock) {
            if (closed || (pendingControls.isEmpty() && pendingValues.isEmpty() && pendingRound == null)) {
                draining = false;
                return null;
            }
            eventsSent++;
            if (pendingControls.isEmpty() && pendingValues.isEmpty()) {
                byte[] shared = pendingRound.bytes();
                pendingRound = null;
                return shared;
            }
            StringBuilder batch = new StringBuilder(256);
            while (!pendingControls.isEmpty()) {
                batch.append(pendingControls.poll());
            }
            if (pendingRound != null && pendingValues.isEmpty()) {
                batch.append(pendingRound.frame());
                pendingRound = null;
            } else if (!pendingValues.isEmpty()) {
                spillPendingRoundLocked();
                batch.append(StreamFrames.values(pendingValues.values(), pendingValues.size()));
                pendingValues.clear();
            }
            return batch.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Ends the stream; the browser reconnects by itself. Idempotent. */
    void close() {
        if (!closed) {
            closed = true;
            synchronized (lock) {
                pendingValues.clear();
                pendingControls.clear();
                pendingRound = null;
            }
            onClosed.accept(this);
        }
    }
}
