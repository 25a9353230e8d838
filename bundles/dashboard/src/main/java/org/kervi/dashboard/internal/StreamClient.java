package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One open live stream. Value changes wait in a map keyed by id (the latest wins), so a slow browser costs at
 * most one entry per value; one writer at a time drains them as a single {@code values} event, after any control
 * events (hello, snapshot, model, ping) in their order.
 */
final class StreamClient {
    private final long id;
    private final String user;
    private final String remote;
    private final long openedAtMillis = System.currentTimeMillis();
    private final OutputStream out;
    private final Executor writers;
    private final Consumer<StreamClient> onClosed;
    private final Object lock = new Object();
    private final Map<String, JsonObject> pendingValues = new LinkedHashMap<>();
    private final Queue<String> pendingControls = new ArrayDeque<>();
    private volatile Set<String> streamedIds;
    private final UserSession session;
    private boolean draining;
    private volatile boolean closed;
    private long eventsSent;
    private long valuesCoalesced;

    StreamClient(long id, UserSession session, String remote, Set<String> streamedIds, OutputStream out,
            Executor writers, Consumer<StreamClient> onClosed) {
        this.id = id;
        this.session = session;
        this.user = session.user();
        this.remote = remote;
        this.streamedIds = streamedIds;
        this.out = out;
        this.writers = writers;
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

    synchronized long eventsSent() {
        return eventsSent;
    }

    long valuesCoalesced() {
        synchronized (lock) {
            return valuesCoalesced;
        }
    }

    boolean isClosed() {
        return closed;
    }

    void streamedIds(Set<String> ids) {
        this.streamedIds = ids;
    }

    /** {@code event}: the change as the wire has it, shared by every stream (never modified). */
    void offerValue(String valueId, JsonObject event) {
        if (closed || !streamedIds.contains(valueId)) {
            return;
        }
        synchronized (lock) {
            if (pendingValues.put(valueId, event) != null) {
                valuesCoalesced++;
            }
            scheduleLocked();
        }
    }

    void offerControl(String event, JsonElement data) {
        if (closed) {
            return;
        }
        String frame = frame(event, data.toString());
        synchronized (lock) {
            pendingControls.add(frame);
            scheduleLocked();
        }
    }

    private void scheduleLocked() {
        if (!draining) {
            draining = true;
            writers.execute(this::drain);
        }
    }

    private void drain() {
        while (!closed) {
            StringBuilder batch = new StringBuilder(256);
            synchronized (lock) {
                while (!pendingControls.isEmpty()) {
                    batch.append(pendingControls.poll());
                }
                if (!pendingValues.isEmpty()) {
                    JsonArray values = new JsonArray(pendingValues.size());
                    pendingValues.values().forEach(values::add);
                    pendingValues.clear();
                    batch.append(frame("values", values.toString()));
                }
                if (batch.length() == 0) {
                    draining = false;
                    return;
                }
            }
            try {
                synchronized (this) {
                    out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    eventsSent++;
                }
            } catch (IOException | RuntimeException e) {
                close();
            }
        }
        synchronized (lock) {
            draining = false;
        }
    }

    private static String frame(String event, String data) {
        return "event: " + event + "\ndata: " + data + "\n\n";
    }

    /** Ends the stream; the browser reconnects by itself. Idempotent. */
    void close() {
        if (!closed) {
            closed = true;
            synchronized (lock) {
                pendingValues.clear();
                pendingControls.clear();
            }
            onClosed.accept(this);
        }
    }
}
