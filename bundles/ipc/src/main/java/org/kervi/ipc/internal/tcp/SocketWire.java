package org.kervi.ipc.internal.tcp;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Wire} over a non-blocking TCP channel: 4-byte big-endian length + JSON payload per frame, a reader
 * thread. A sender writes what the socket takes at once; only the connection's writer thread waits for room.
 */
final class SocketWire implements Wire {
    private static final Logger LOG = LoggerFactory.getLogger(SocketWire.class);
    private static final int BUFFER = 64 * 1024;
    private final SocketChannel channel;
    /** Lowered before the handshake completes, raised by {@link #frameLimit} after it. */
    private volatile int maxFrameBytes;
    private final Selector readable;
    private final Selector writable;
    /** Encoded frames not yet sent; used by whoever holds the connection's wire. */
    private ByteBuffer out = ByteBuffer.allocateDirect(BUFFER);
    /** The peer reads batches of value events (version 4). */
    private volatile boolean batching;
    /** Where the open batch's length prefix is in {@link #out}, or -1 while no batch is open. */
    private int batchStart = -1;

    /** Takes over a connected channel, after the handshake; switches it to non-blocking. */
    SocketWire(SocketChannel channel, int maxFrameBytes) throws IOException {
        this.channel = channel;
        this.maxFrameBytes = maxFrameBytes;
        channel.configureBlocking(false);
        readable = Selector.open();
        writable = Selector.open();
        channel.register(readable, SelectionKey.OP_READ);
        channel.register(writable, SelectionKey.OP_WRITE);
    }

    @Override
    public void batchValues() {
        batching = true;
    }

    /**
     * Appends the value event to the open batch (a JSON array of value frames, one length prefix) while it stays
     * within {@link FrameCodec#MAX_BATCH_BYTES}; else opens a new batch with it.
     */
    @Override
    public int writeValue(Frame f) throws IOException {
        if (!batching) {
            return write(f);
        }
        byte[] payload = f.encoded();
        if (payload.length + 2 > FrameCodec.MAX_BATCH_BYTES) {
            return write(f);
        }
        if (batchStart >= 0 && out.position() - batchStart - 4 + 1 + payload.length + 1 <= FrameCodec.MAX_BATCH_BYTES
                && out.remaining() >= payload.length + 2) {
            out.put((byte) ',');
            out.put(payload);
            return payload.length + 1;
        }
        closeBatch();
        if (out.remaining() < payload.length + 6) {
            flush();
        }
        batchStart = out.position();
        out.putInt(0);
        out.put((byte) '[');
        out.put(payload);
        return payload.length + 6;
    }

    /** Ends the open batch, if any: its closing bracket and its length. */
    private void closeBatch() {
        if (batchStart >= 0) {
            out.put((byte) ']');
            out.putInt(batchStart, out.position() - batchStart - 4);
            batchStart = -1;
        }
    }

    @Override
    public int write(Frame f) throws IOException {
        closeBatch();
        byte[] payload = f.encoded();
        int size = payload.length + 4;
        if (out.remaining() < size) {
            flush();
            if (out.capacity() < size) {
                out = ByteBuffer.allocateDirect(size);
            }
        }
        out.putInt(payload.length);
        out.put(payload);
        return size;
    }

    @Override
    public void flush() throws IOException {
        closeBatch();
        out.flip();
        try {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    awaitRoom();
                }
            }
        } finally {
            out.compact();
        }
    }

    @Override
    public boolean flushWithoutBlocking() throws IOException {
        closeBatch();
        out.flip();
        try {
            channel.write(out);
            return !out.hasRemaining();
        } finally {
            out.compact();
        }
    }

    private void awaitRoom() throws IOException {
        try {
            writable.select(1000);
            writable.selectedKeys().clear();
        } catch (ClosedSelectorException e) {
            throw new IOException("connection closed");
        }
        if (!channel.isOpen()) {
            throw new IOException("connection closed");
        }
    }

    @Override
    public boolean writesFromCaller(Frame frame) {
        return true;
    }

    @Override
    public void frameLimit(int bytes) {
        maxFrameBytes = Math.max(bytes, FrameCodec.MAX_BATCH_BYTES);
    }

    @Override
    public void startReading(Connection connection) {
        Thread reader = new Thread(() -> readLoop(connection), "kervi-ipc-read-" + connection.name());
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(Connection c) {
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        try {
            while (!c.isClosed()) {
                int n = channel.read(in);
                if (n < 0) {
                    throw new EOFException();
                }
                if (n == 0) {
                    readable.select();
                    readable.selectedKeys().clear();
                    continue;
                }
                in.flip();
                in = deliverFrames(in, c);
            }
        } catch (ProtocolException e) {
            LOG.warn("IPC {}: {}; closing the connection", c.name(), e.getMessage());
            c.fail(e.code(), e.getMessage());
        } catch (EOFException e) {
            c.close("connection closed by the peer");
        } catch (IOException | ClosedSelectorException e) {
            c.close(c.isClosed() ? c.closeReason() : "connection lost: " + e.getMessage());
        }
    }

    /** Hands over the complete frames in {@code in} (read mode); returns the buffer to read on into. */
    private ByteBuffer deliverFrames(ByteBuffer in, Connection c) throws ProtocolException {
        while (in.remaining() >= 4) {
            int len = in.getInt(in.position());
            checkLength(len, maxFrameBytes);
            if (in.remaining() < len + 4) {
                if (in.capacity() < len + 4) {
                    ByteBuffer bigger = ByteBuffer.allocate(len + 4);
                    bigger.put(in);
                    return bigger;
                }
                break;
            }
            in.getInt();
            byte[] payload = new byte[len];
            in.get(payload);
            int[] bytes = {len + 4};
            FrameCodec.decodeEach(payload, f -> {
                c.receive(f, bytes[0]);
                bytes[0] = 0;
            });
        }
        in.compact();
        return in;
    }

    @Override
    public void close() {
        try {
            channel.close();
            readable.close();
            writable.close();
        } catch (IOException e) {
            LOG.debug("IPC: close: {}", e.toString());
        }
    }

    @Override
    public String remoteAddress() {
        try {
            return String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            return "?";
        }
    }

    private static void checkLength(int len, int maxFrameBytes) throws ProtocolException {
        if (len <= 0) {
            throw new ProtocolException("malformed frame: length " + len);
        }
        if (len > maxFrameBytes) {
            throw new ProtocolException("frame of " + len + " bytes exceeds the maximum frame size of "
                    + maxFrameBytes + " bytes");
        }
    }

    /** Reads one frame from a blocking stream (the client's handshake; tests). */
    static Frame read(DataInputStream in, int maxFrameBytes) throws IOException, ProtocolException {
        byte[] payload = payload(in, in.readInt(), maxFrameBytes);
        Frame f = FrameCodec.decode(payload);
        f.received(payload);
        return f;
    }

    /** The payload of a frame of {@code len} bytes (its length prefix just read), checked before allocating. */
    static byte[] payload(DataInputStream in, int len, int maxFrameBytes) throws IOException, ProtocolException {
        checkLength(len, maxFrameBytes);
        byte[] payload = new byte[len];
        in.readFully(payload);
        return payload;
    }

    /** Writes one frame to a blocking stream and flushes (the client's handshake; tests). */
    static void writeDirect(OutputStream out, Frame f) throws IOException {
        byte[] payload = f.encoded();
        int len = payload.length;
        out.write(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
        out.write(payload);
        out.flush();
    }
}
