package org.kervi.ipc.internal.tcp;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kervi.ipc.api.TransportProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One framed connection (hub side or client side) over a {@link Wire}: inbound frames go to the {@link Handler},
 * outbound ones to a queue that a writer thread drains in batches — or, on a wire that allows it and while nothing
 * is queued, straight from the sender's thread.
 *
 * <p>Outbound: control frames (directory, calls, replies, errors) in a bounded FIFO. Value events in a FIFO too, as
 * long as it holds fewer than the bound; beyond it (a slow peer) a newer event of an id replaces its queued one in
 * place (latest wins), so memory stays bounded by the queue size plus the number of ids and nothing else is lost.
 */
public final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** A peer that keeps sending what fails here cannot flood the log. */
    private static final RateLimitedLog FAILURES = new RateLimitedLog(LOG);

    /** Gets the frames of a connection, on its reader thread. */
    public interface Handler {
        void frame(Connection connection, Frame frame) throws ProtocolException;

        /** Called once, from whichever thread closed the connection. */
        void closed(Connection connection, String reason);
    }

    private final Wire wire;
    private final String name;
    private final int maxQueued;
    private volatile Handler handler;
    private final Object lock = new Object();
    private final ArrayDeque<Frame> control = new ArrayDeque<>();
    private ArrayDeque<Slot> values = new ArrayDeque<>();
    private ArrayDeque<Slot> spare = new ArrayDeque<>();
    /** The latest queued slot of each id: where a newer event goes once the queue is full. */
    private final HashMap<String, Slot> latest = new HashMap<>();
    private boolean writerWaiting;
    /** A thread (the writer, or a sender writing from its own thread) is writing to the wire. */
    private boolean writing;
    /** A sender's write did not fit into the socket at once: the writer thread sends the rest. */
    private boolean unflushed;
    /**
     * A sender's write failed: the writer thread closes the connection, so that closing (and the handler's
     * reaction to it) never runs on a sender's thread, which may hold locks of its own.
     */
    private String failedWrite;
    private boolean closing;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final CountDownLatch writerDone = new CountDownLatch(1);
    private volatile String closeReason = "";
    private volatile Object attachment;

    // counters: each written by one thread only
    private volatile long lastReceivedMillis = System.currentTimeMillis();
    private volatile long framesIn;
    private volatile long bytesIn;
    private volatile long framesOut;
    private volatile long bytesOut;
    private volatile long coalesced;
    private volatile int maxValuesQueued;
    private volatile boolean handling;

    Connection(Wire wire, String name, int maxQueued) {
        this.wire = wire;
        this.name = name;
        this.maxQueued = Math.max(16, maxQueued);
    }

    /** Starts the writer thread and reading from the wire. */
    public void start(Handler frameHandler) {
        this.handler = frameHandler;
        Thread writer = new Thread(this::writeLoop, "kervi-ipc-write-" + name);
        writer.setDaemon(true);
        writer.start();
        wire.startReading(this);
    }

    public String name() {
        return name;
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object value) {
        this.attachment = value;
    }

    /** The peer reads batches of value events (it speaks version 4): queued events may go out in batches. */
    public void batchValues() {
        wire.batchValues();
    }

    /** The largest inbound frame accepted from now on (the hub raises it once the peer is authenticated). */
    public void frameLimit(int bytes) {
        wire.frameLimit(bytes);
    }

    // ---- outbound ----------------------------------------------------------------------------------

    /** Queues a control frame unless the queue is full; false means the caller must report an overload. */
    public boolean offer(Frame frame) {
        boolean now;
        synchronized (lock) {
            if (closing || control.size() >= maxQueued) {
                return false;
            }
            now = queueOrClaim(frame);
        }
        if (now) {
            writeNow(frame);
        }
        return true;
    }

    /**
     * Queues a control frame that must not be dropped (replies, errors, directory changes): beyond the bound that
     * {@link #offer} keeps, up to {@link #hardLimit()}. A peer that lets that many pile up is too slow to serve and
     * is disconnected (its pending calls then fail as OWNER_GONE on its side).
     */
    public void send(Frame frame) {
        boolean overflow;
        boolean now = false;
        synchronized (lock) {
            if (closing) {
                return;
            }
            overflow = control.size() >= hardLimit();
            if (!overflow) {
                now = queueOrClaim(frame);
            }
        }
        if (now) {
            writeNow(frame);
        }
        if (overflow) {
            fail(TransportProblem.PROTOCOL, "outbound queue overflow: the peer reads too slowly");
        }
    }

    /** One queued value event; its frame is replaced while queued when the peer falls behind. */
    private static final class Slot {
        Frame frame;

        Slot(Frame frame) {
            this.frame = frame;
        }
    }

    /**
     * Queues a value event. Once the queue holds the bound, it replaces the queued event of the same id (latest
     * wins) instead of growing. Never blocks.
     */
    public void sendValue(Frame frame) {
        synchronized (lock) {
            if (closing) {
                return;
            }
            if (!claimWire(frame)) {
                queueValue(frame);
                return;
            }
        }
        writeNow(frame);
    }

    /** Under the lock. */
    private void queueValue(Frame frame) {
        if (values.size() >= maxQueued) {
            Slot queued = latest.get(frame.id);
            if (queued != null) {
                queued.frame = frame;
                coalesced++;
                return;
            }
        }
        Slot slot = new Slot(frame);
        values.add(slot);
        latest.put(frame.id, slot);
        if (values.size() > maxValuesQueued) {
            maxValuesQueued = values.size();
        }
        wakeWriter();
    }

    /** How many must-deliver frames may wait: 8 times the bound, at least 65536. */
    private int hardLimit() {
        return Math.max(8 * maxQueued, 65_536);
    }

    /** Under the lock: queues a control frame, or claims the wire for the caller to write it (true). */
    private boolean queueOrClaim(Frame frame) {
        if (claimWire(frame)) {
            return true;
        }
        control.add(frame);
        wakeWriter();
        return false;
    }

    /**
     * Under the lock: whether the caller may write {@code frame} itself, now — only on a wire that allows it, while
     * nothing is queued and no one else writes (so the order of frames holds).
     */
    private boolean claimWire(Frame frame) {
        if (!writing && !unflushed && control.isEmpty() && values.isEmpty()
                && wire.writesFromCaller(frame)) {
            writing = true;
            return true;
        }
        return false;
    }

    /**
     * Writes one frame on the caller's thread after {@link #claimWire}, as far as the wire takes it without
     * blocking; the writer thread sends what is left and what was queued meanwhile.
     */
    private void writeNow(Frame frame) {
        boolean sent = true;
        String failure = null;
        try {
            long bytes = wire.write(frame);
            sent = wire.flushWithoutBlocking();
            framesOut++;
            bytesOut += bytes;
        } catch (IOException e) {
            LOG.debug("IPC {}: write failed: {}", name, e.toString());
            failure = "write failed: " + e.getMessage();
        } finally {
            synchronized (lock) {
                writing = false;
                unflushed = !sent;
                if (failure != null) {
                    failedWrite = failure;
                    closing = true;
                }
                if (unflushed || !control.isEmpty() || !values.isEmpty() || closing) {
                    wakeWriter();
                }
            }
        }
    }

    private void wakeWriter() {
        if (writerWaiting) {
            writerWaiting = false;
            lock.notify();
        }
    }

    private void writeLoop() {
        Frame[] batch = new Frame[64];
        try {
            while (true) {
                int n = 0;
                ArrayDeque<Slot> drained = null;
                boolean last;
                synchronized (lock) {
                    while ((control.isEmpty() && values.isEmpty() && !closing && !unflushed) || writing) {
                        writerWaiting = true;
                        lock.wait();
                    }
                    if (failedWrite != null) {
                        throw new IOException(failedWrite);
                    }
                    writing = true;
                    if (control.size() > batch.length) {
                        batch = new Frame[Math.max(control.size(), batch.length * 2)];
                    }
                    Frame f;
                    while ((f = control.poll()) != null) {
                        batch[n++] = f;
                    }
                    if (!values.isEmpty()) {
                        drained = values;
                        values = spare;
                        spare = null;
                        latest.clear();
                    }
                    last = closing;
                }
                long bytes = 0;
                for (int i = 0; i < n; i++) {
                    bytes += wire.write(batch[i]);
                    batch[i] = null;
                }
                if (drained != null) {
                    framesOut += drained.size();
                    Slot slot;
                    while ((slot = drained.poll()) != null) {
                        bytes += wire.writeValue(slot.frame);
                    }
                }
                wire.flush();
                framesOut += n;
                bytesOut += bytes;
                synchronized (lock) {
                    if (drained != null) {
                        spare = drained;
                    }
                    writing = false;
                    unflushed = false;
                }
                if (last) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.debug("IPC {}: write failed: {}", name, e.toString());
            close(e.getMessage().startsWith("write failed") ? e.getMessage() : "write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writerDone.countDown();
        }
        close(closeReason.isEmpty() ? "closed" : closeReason);
    }

    // ---- inbound -----------------------------------------------------------------------------------

    /** One frame from the wire ({@code bytes} it took there, 0 in-JVM); the handler's protocol errors propagate. */
    void receive(Frame f, int bytes) throws ProtocolException {
        lastReceivedMillis = System.currentTimeMillis();
        framesIn++;
        bytesIn += bytes;
        handling = true;
        try {
            handler.frame(this, f);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            FAILURES.warn("frames not handled", "IPC {}: handling {} failed", name, f, e);
        } finally {
            handling = false;
            lastReceivedMillis = System.currentTimeMillis();
        }
    }

    // ---- closing -----------------------------------------------------------------------------------

    /** Sends an error frame, then closes (giving the writer a moment to deliver it). */
    public void fail(String code, String message) {
        Frame error = Frame.error(code, message);
        synchronized (lock) {
            if (closing) {
                return;
            }
            control.add(error);
            closing = true;
            closeReason = code + ": " + message;
            wakeWriter();
        }
        try {
            if (!writerDone.await(1, TimeUnit.SECONDS)) {
                LOG.debug("IPC {}: error frame not delivered in time", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(code + ": " + message);
    }

    public void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (closeReason.isEmpty()) {
            closeReason = reason;
        }
        synchronized (lock) {
            closing = true;
            wakeWriter();
        }
        wire.close();
        closedLatch.countDown();
        Handler h = handler;
        if (h != null) {
            try {
                h.closed(this, closeReason);
            } catch (RuntimeException e) {
                LOG.warn("IPC {}: close handler failed", name, e);
            }
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    public boolean awaitClosed(long millis) throws InterruptedException {
        return closedLatch.await(millis, TimeUnit.MILLISECONDS);
    }

    public String closeReason() {
        return closeReason;
    }

    // ---- status ------------------------------------------------------------------------------------

    public long lastReceivedMillis() {
        return lastReceivedMillis;
    }

    /**
     * How long the peer has been silent: the time the reader has waited for a frame. Time spent in the handler (a
     * slow listener of ours) is not the peer's silence.
     */
    public long silentMillis(long now) {
        return handling ? 0 : now - lastReceivedMillis;
    }

    public long framesIn() {
        return framesIn;
    }

    public long framesOut() {
        return framesOut;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public long coalesced() {
        synchronized (lock) {
            return coalesced;
        }
    }

    /** The most value events that were ever waiting at once (at most the bound plus one per id). */
    public int maxValuesQueued() {
        synchronized (lock) {
            return maxValuesQueued;
        }
    }

    public String remoteAddress() {
        return wire.remoteAddress();
    }

    @Override
    public String toString() {
        return name;
    }
}
