package org.kervi.ipc.internal.tcp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Wire} over a blocking {@link SSLSocket}: the same frames as {@link SocketWire} inside TLS. Only the
 * connection's writer thread writes; a reader thread reads, on the hub's side after finishing the TLS handshake
 * (bounded by the socket's read timeout and the hub's handshake deadline).
 */
final class TlsWire implements Wire {
    private static final Logger LOG = LoggerFactory.getLogger(TlsWire.class);
    /** A plain client knocking again and again cannot flood the log. */
    private static final RateLimitedLog REFUSALS = new RateLimitedLog(LOG);
    private static final int BUFFER = 64 * 1024;
    private final SSLSocket socket;
    /** The TCP socket under it. */
    private final Socket raw;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final boolean handshakeOnRead;
    private volatile int maxFrameBytes;

    /**
     * {@code handshakeOnRead}: the TLS handshake is still to be done (the hub's side), by the reader thread, before
     * the first frame.
     */
    TlsWire(SSLSocket socket, Socket raw, int maxFrameBytes, boolean handshakeOnRead) throws IOException {
        this.socket = socket;
        this.raw = raw;
        this.maxFrameBytes = maxFrameBytes;
        this.handshakeOnRead = handshakeOnRead;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), BUFFER));
    }

    @Override
    public int write(Frame frame) throws IOException {
        byte[] payload = frame.encoded();
        out.writeInt(payload.length);
        out.write(payload);
        return payload.length + 4;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public boolean flushWithoutBlocking() {
        return false;
    }

    @Override
    public boolean writesFromCaller(Frame frame) {
        return false;
    }

    @Override
    public void frameLimit(int bytes) {
        maxFrameBytes = Math.max(bytes, FrameCodec.MAX_BATCH_BYTES);
    }

    @Override
    public void startReading(Connection connection) {
        Thread reader = new Thread(() -> readLoop(connection), "kervi-ipc-tls-read-" + connection.name());
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(Connection c) {
        if (handshakeOnRead && !handshake(c)) {
            return;
        }
        try {
            while (!c.isClosed()) {
                int len = in.readInt();
                byte[] payload = SocketWire.payload(in, len, maxFrameBytes);
                int[] bytes = {len + 4};
                FrameCodec.decodeEach(payload, f -> {
                    c.receive(f, bytes[0]);
                    bytes[0] = 0;
                });
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

    /** Reads one frame, its length checked against the frame limit before allocating. */
    Frame read() throws IOException, ProtocolException {
        return SocketWire.read(in, maxFrameBytes);
    }

    private boolean handshake(Connection c) {
        try {
            socket.startHandshake();
            socket.setSoTimeout(0);
            return true;
        } catch (SocketTimeoutException e) {
            REFUSALS.warn("TLS handshakes", "Kervi IPC hub: {} did not finish the TLS handshake in time; closing",
                    remoteAddress());
            c.close("TLS handshake not finished in time");
        } catch (SSLException e) {
            REFUSALS.warn("TLS handshakes", "Kervi IPC hub: TLS handshake with {} failed (a client without tls=true,"
                    + " or one that does not trust the hub's certificate?): {}; closing", remoteAddress(),
                    e.getMessage());
            c.close("TLS handshake failed: " + e.getMessage());
        } catch (IOException e) {
            c.close(c.isClosed() ? c.closeReason() : "connection lost in the TLS handshake: " + e.getMessage());
        }
        return false;
    }

    /**
     * Closes the TCP socket first: closing the TLS socket alone would wait for a writer blocked on a peer that does
     * not read.
     */
    @Override
    public void close() {
        try {
            raw.close();
            socket.close();
        } catch (IOException e) {
            LOG.debug("IPC: close: {}", e.toString());
        }
    }

    @Override
    public String remoteAddress() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    /** Wraps an accepted socket as the TLS server side (the hub); the handshake runs on the reader thread. */
    static TlsWire accepted(Socket accepted, TlsSettings tls, int maxFrameBytes, long handshakeTimeoutMillis)
            throws IOException {
        SSLSocket ssl = (SSLSocket) tls.context().getSocketFactory().createSocket(accepted,
                accepted.getInetAddress().getHostAddress(), accepted.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.setEnabledProtocols(TlsSettings.PROTOCOLS);
        ssl.setSoTimeout((int) Math.max(1, handshakeTimeoutMillis));
        return new TlsWire(ssl, accepted, maxFrameBytes, true);
    }
}
