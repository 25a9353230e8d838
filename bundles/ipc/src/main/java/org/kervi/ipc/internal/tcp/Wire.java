package org.kervi.ipc.internal.tcp;

import java.io.IOException;

/**
 * What carries a {@link Connection}'s frames: a TCP socket ({@link SocketWire}) or, between the hub and the client
 * of its own instance, the other end of an in-JVM pair ({@link LocalWire}).
 */
interface Wire {

    /** Sends one frame (possibly buffered until {@link #flush()}); returns the bytes it took on the wire. */
    int write(Frame frame) throws IOException;

    /**
     * Sends one value event; a wire may put it into one batch frame with the value events written just before it
     * (see {@link #batchValues()}), closed by the next {@link #write} or flush.
     */
    default int writeValue(Frame frame) throws IOException {
        return write(frame);
    }

    /** From now on the peer reads batches of value events (it speaks version 4): a wire may write them. */
    default void batchValues() {
        // a wire that batches nothing
    }

    /** Sends everything written so far, waiting while the peer does not read. */
    void flush() throws IOException;

    /** Sends what the wire takes now; false if some is left for {@link #flush()}. */
    boolean flushWithoutBlocking() throws IOException;

    /**
     * Whether a sender's thread may write {@code frame} while nothing is queued, instead of handing it to the
     * writer thread (then with {@link #flushWithoutBlocking()}).
     */
    boolean writesFromCaller(Frame frame);

    /** The largest inbound frame accepted from now on, checked on the length prefix before allocating. */
    default void frameLimit(int bytes) {
        // an in-JVM wire carries no encoded frames
    }

    /** Starts handing inbound frames to {@link Connection#receive}. */
    void startReading(Connection connection);

    /** Ends the wire; the far side sees it closed. */
    void close();

    String remoteAddress();
}
