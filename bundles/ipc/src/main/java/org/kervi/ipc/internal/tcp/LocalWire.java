package org.kervi.ipc.internal.tcp;

import java.io.IOException;
import java.util.function.Predicate;

/**
 * One direction of an in-JVM connection between the hub and the client of its own instance: a frame written here
 * is received by the other end as the same object, with no encoding, socket or reader thread.
 */
final class LocalWire implements Wire {
    private final Predicate<Frame> fromCaller;
    private Connection far;

    private LocalWire(Predicate<Frame> fromCaller) {
        this.fromCaller = fromCaller;
    }

    /** Client to hub: the hub's handling only queues, so any sender may run it (see {@link Wire#writesFromCaller}). */
    static LocalWire toHub() {
        return new LocalWire(frame -> true);
    }

    /**
     * Hub to client: only replies are delivered on the hub's thread (they complete a caller's future); anything
     * else may run listeners or register services and waits for the connection's own thread.
     */
    static LocalWire toClient() {
        return new LocalWire(frame -> Frame.REPLY.equals(frame.type) || Frame.WRITE_REPLY.equals(frame.type));
    }

    /** Joins both ends: each one's wire delivers to the other. */
    static void join(Connection a, LocalWire aWire, Connection b, LocalWire bWire) {
        aWire.far = b;
        bWire.far = a;
    }

    @Override
    public int write(Frame frame) throws IOException {
        if (far.isClosed()) {
            throw new IOException("the in-JVM peer is closed");
        }
        try {
            far.receive(frame, 0);
        } catch (ProtocolException e) {
            far.fail(e.code(), e.getMessage());
        }
        return 0;
    }

    @Override
    public void flush() {
        // nothing is buffered
    }

    @Override
    public boolean flushWithoutBlocking() {
        return true;
    }

    @Override
    public boolean writesFromCaller(Frame frame) {
        return fromCaller.test(frame);
    }

    @Override
    public void startReading(Connection connection) {
        // the far end's writes call receive directly
    }

    @Override
    public void close() {
        far.close("connection closed by the peer");
    }

    @Override
    public String remoteAddress() {
        return "in-JVM";
    }
}
