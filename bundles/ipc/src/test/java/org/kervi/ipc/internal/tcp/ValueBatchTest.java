package org.kervi.ipc.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protocol version 4: value events written back to back go out as batches over a real socket, in order. */
class ValueBatchTest {
    private static final int EVENTS = 2000;

    @Test
    void valueEventsWrittenBackToBackGoOutInBatchesAndArriveInOrder() throws Exception {
        Received r = writeAndRead(true);
        assertEquals(EVENTS + 1, r.frames.size());
        for (int i = 0; i < EVENTS; i++) {
            Frame f = r.frames.get(i < 1000 ? i : i + 1);
            assertEquals(Frame.VALUE, f.type());
            assertEquals(id(i), f.id);
            assertEquals(i * 0.5, ((Number) f.value).doubleValue());
            assertEquals(1_000_000L + i, f.ts);
        }
        assertEquals(Frame.SUBSCRIBE, r.frames.get(1000).type(), "a control frame closes the batch before it");
        assertTrue(r.payloads < EVENTS / 20, r.payloads + " payloads for " + EVENTS + " events");
        assertTrue(r.largest <= FrameCodec.MAX_BATCH_BYTES, "largest payload " + r.largest);
    }

    @Test
    void aPeerThatReadsNoBatchesGetsOneFramePerEvent() throws Exception {
        Received r = writeAndRead(false);
        assertEquals(EVENTS + 1, r.frames.size());
        assertEquals(EVENTS + 1, r.payloads);
    }

    @Test
    void malformedBatchesAreRefusedWithAClearError() {
        assertEquals("malformed frame: an empty batch", refusal("[]"));
        assertEquals("malformed frame: a batch holds 'value' frames only, not 'call'",
                refusal("[{\"t\":\"value\",\"id\":\"a.b\",\"val\":1},{\"t\":\"call\",\"cid\":1,\"id\":\"a.c\"}]"));
        assertEquals("malformed frame: a batch holds JSON objects, not NUMBER", refusal("[1]"));
        assertTrue(refusal("[{\"t\":\"value\",\"id\":\"a.b\",\"val\":1}").startsWith("malformed frame: "));
        assertTrue(refusal("[{\"t\":\"value\",\"id\":\"a.b\",\"val\":1}]{}").startsWith("malformed frame: "));
        assertEquals("malformed frame: no type ('t')", refusal("[{\"id\":\"a.b\",\"val\":1}]"));
    }

    @Test
    void fieldsInAnyOrderDecodeAsBefore() throws Exception {
        List<Frame> frames = new ArrayList<>();
        FrameCodec.decodeEach("[{\"id\":\"a.b\",\"val\":2,\"t\":\"value\",\"ts\":7}]".getBytes(StandardCharsets.UTF_8),
                frames::add);
        assertEquals(1, frames.size());
        assertEquals(Frame.VALUE, frames.get(0).type());
        assertEquals("a.b", frames.get(0).id);
        assertEquals(2L, frames.get(0).value);
        assertEquals(7L, frames.get(0).ts);
    }

    private static String refusal(String payload) {
        return assertThrows(ProtocolException.class,
                () -> FrameCodec.decodeEach(payload.getBytes(StandardCharsets.UTF_8), f -> { })).getMessage();
    }

    private static String id(int i) {
        return String.format("batch.v%05d", i);
    }

    /** What the far end of a real loopback socket read: frames in order, payloads (length prefixes) and the largest. */
    private record Received(List<Frame> frames, int payloads, int largest) {}

    private static Received writeAndRead(boolean batching) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            try (SocketChannel sending = SocketChannel.open(server.getLocalAddress());
                    SocketChannel receiving = server.accept()) {
                SocketWire wire = new SocketWire(sending, 1 << 20);
                if (batching) {
                    wire.batchValues();
                }
                Thread writer = new Thread(() -> {
                    try {
                        for (int i = 0; i < EVENTS; i++) {
                            if (i == 1000) {
                                wire.write(Frame.ids(Frame.SUBSCRIBE, null, List.of("*")));
                            }
                            wire.writeValue(Frame.value(id(i), i * 0.5, 1_000_000L + i));
                        }
                        wire.flush();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                writer.start();
                DataInputStream in = new DataInputStream(receiving.socket().getInputStream());
                List<Frame> frames = new ArrayList<>();
                int payloads = 0;
                int largest = 0;
                while (frames.size() < EVENTS + 1) {
                    byte[] payload = SocketWire.payload(in, in.readInt(), 1 << 20);
                    payloads++;
                    largest = Math.max(largest, payload.length);
                    FrameCodec.decodeEach(payload, frames::add);
                }
                writer.join();
                wire.close();
                return new Received(frames, payloads, largest);
            }
        }
    }
}
