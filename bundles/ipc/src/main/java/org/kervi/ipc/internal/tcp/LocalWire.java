package org.kervi.ipc.internal.tcp;

import java.io.IOException;

/**
 * One direction of an in-JVM connection between the hub and the client of its own instance: a frame written here
 * is received by the other end as the same object, with no encoding, socket or reader thread.
 */
final class LocalWire implements Wire {
    private final boolean fromCaller;
    private Connection far;

    /** @param fromCaller whether senders may deliver on their own thread (see {@link Wire#writesFromCaller()}) */
    LocalWire(boolean fromCaller) {
        this.fromCaller = fromCaller;
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
    public boolean writesFromCaller() {
        return fromCaller;
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
