package org.kervi.ipc.internal.tcp;

import java.io.IOException;

/**
 * What carries a {@link Connection}'s frames: a TCP socket ({@link SocketWire}) or, between the hub and the client
 * of its own instance, the other end of an in-JVM pair ({@link LocalWire}).
 */
interface Wire {

    /** Sends one frame (possibly buffered until {@link #flush()}); returns the bytes it took on the wire. */
    int write(Frame frame) throws IOException;

    void flush() throws IOException;

    /**
     * Whether a sender's thread may write while nothing is queued, instead of handing the frame to the writer
     * thread. Only for wires whose {@link #write} never blocks for long.
     */
    boolean writesFromCaller();

    /** Starts handing inbound frames to {@link Connection#receive}. */
    void startReading(Connection connection);

    /** Ends the wire; the far side sees it closed. */
    void close();

    String remoteAddress();
}
