package org.kervi.ipc.internal.tcp;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Wire} over a TCP socket: 4-byte big-endian length + JSON payload per frame, a reader thread. */
final class SocketWire implements Wire {
    private static final Logger LOG = LoggerFactory.getLogger(SocketWire.class);
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int maxFrameBytes;
    private final byte[] header = new byte[4];

    SocketWire(Socket socket, DataInputStream in, OutputStream out, int maxFrameBytes) {
        this.socket = socket;
        this.in = in;
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 64 * 1024);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public int write(Frame f) throws IOException {
        byte[] payload = f.encoded();
        putLength(header, payload.length);
        out.write(header);
        out.write(payload);
        return payload.length + 4;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public boolean writesFromCaller() {
        return false; // a socket write blocks while the peer does not read
    }

    @Override
    public void startReading(Connection connection) {
        Thread reader = new Thread(() -> readLoop(connection), "kervi-ipc-read-" + connection.name());
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(Connection c) {
        try {
            while (!c.isClosed()) {
                Frame f = read(in, maxFrameBytes);
                c.receive(f, f.encoded().length + 4);
            }
        } catch (ProtocolException e) {
            LOG.warn("IPC {}: {}; closing the connection", c.name(), e.getMessage());
            c.fail(e.code(), e.getMessage());
        } catch (EOFException e) {
            c.close("connection closed by the peer");
        } catch (IOException e) {
            c.close(c.isClosed() ? c.closeReason() : "connection lost: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("IPC: close: {}", e.toString());
        }
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    /** Reads one frame (the handshake, or the reader loop). */
    static Frame read(DataInputStream in, int maxFrameBytes) throws IOException, ProtocolException {
        int len = in.readInt();
        if (len <= 0) {
            throw new ProtocolException("malformed frame: length " + len);
        }
        if (len > maxFrameBytes) {
            throw new ProtocolException("frame of " + len + " bytes exceeds the maximum frame size of "
                    + maxFrameBytes + " bytes");
        }
        byte[] payload = new byte[len];
        in.readFully(payload);
        Frame f = FrameCodec.decode(payload);
        f.received(payload);
        return f;
    }

    /** Writes one frame and flushes (the handshake, before the connection's threads run). */
    static void writeDirect(OutputStream out, Frame f) throws IOException {
        byte[] payload = f.encoded();
        byte[] header = new byte[4];
        putLength(header, payload.length);
        out.write(header);
        out.write(payload);
        out.flush();
    }

    private static void putLength(byte[] header, int len) {
        header[0] = (byte) (len >>> 24);
        header[1] = (byte) (len >>> 16);
        header[2] = (byte) (len >>> 8);
        header[3] = (byte) len;
    }
}
