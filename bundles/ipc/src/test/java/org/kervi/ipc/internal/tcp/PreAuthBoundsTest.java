package org.kervi.ipc.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kervi.ipc.api.Await;
import org.kervi.ipc.api.RecordingListener;

/**
 * Before {@code welcome} the hub allocates next to nothing for a peer: frames over the handshake limit are refused on
 * the length prefix, the handshake has a deadline, and only so many connections may be in it at once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PreAuthBoundsTest {
    private static final byte[] MASTER = "pre-auth-master-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final String APP = "pre-auth";
    private static final int MIB = 1 << 20;
    private TcpHub hub;
    private TcpClientTransport client;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (client != null) {
            client.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    private TcpHub hub(long handshakeTimeoutMillis, int maxPending) throws Exception {
        hub = new TcpHub(new HubSettings("127.0.0.1", 0, APP, MASTER, 4 * MIB, 1000, 200, 60_000, 1024,
                handshakeTimeoutMillis, maxPending)).start();
        return hub;
    }

    private Socket open() throws Exception {
        Socket s = new Socket("127.0.0.1", hub.port());
        s.setSoTimeout(20_000);
        sockets.add(s);
        return s;
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private void assertARealClientConnectsAtOnce() {
        RecordingListener seen = new RecordingListener();
        client = new TcpClientTransport(new ClientSettings("127.0.0.1", hub.port(), APP, "real",
                Hmac.instanceKey(MASTER, APP, "real"), 4 * MIB, 1000, 200, 60_000, 5000, 200));
        long start = System.nanoTime();
        client.start(seen);
        Await.until("the real client connects", 20_000, client::isConnected);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 3000, "connected in " + millis + " ms");
    }

    @Test
    void threeHundredMebibytePrefixesLeaveTheHeapFlatAndARealClientStillConnects() throws Exception {
        hub(5000, 32);
        long before = heapAfterGc();
        byte[] prefix = {0, 0x10, 0, 0};
        for (int i = 0; i < 300; i++) {
            OutputStream out = open().getOutputStream();
            try {
                out.write(prefix);
                out.write(new byte[512]);
                out.flush();
            } catch (SocketException refusedAlready) {
                // beyond the cap the hub closes at once
            }
        }
        Await.until("the hub refused or closed every one", 20_000, () -> hub.pendingHandshakes() == 0);
        long grown = heapAfterGc() - before;
        assertTrue(grown < 16 * MIB, "the heap grew by " + grown / 1024 + " KiB for 300 x 1 MiB prefixes");
        assertARealClientConnectsAtOnce();
    }

    @Test
    void aHandshakeFrameOverTheLimitIsRefusedOnItsPrefix() throws Exception {
        hub(5000, 32);
        Socket s = open();
        s.getOutputStream().write(new byte[] {0, 0, 0x04, 0x01});
        s.getOutputStream().flush();
        DataInputStream in = new DataInputStream(s.getInputStream());
        Frame refusal = SocketWire.read(in, 1024);
        assertEquals(Frame.ERROR, refusal.type());
        assertTrue(refusal.message.contains("1025") && refusal.message.contains("1024"), refusal.message);
        HandshakeV3Test.expectClosed(in);
    }

    @Test
    void aConnectionThatDoesNotAuthenticateInTimeIsClosed() throws Exception {
        hub(400, 32);
        Socket s = open();
        long start = System.nanoTime();
        HandshakeV3Test.expectClosed(new DataInputStream(s.getInputStream()));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 300 && millis < 10_000, "closed after " + millis + " ms");
    }

    @Test
    void beyondTheCapOfPendingHandshakesAConnectionIsClosedAtOnce() throws Exception {
        hub(60_000, 4);
        for (int i = 0; i < 4; i++) {
            open();
        }
        Await.until("four in the handshake", () -> hub.pendingHandshakes() == 4);
        HandshakeV3Test.expectClosed(new DataInputStream(open().getInputStream()));
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
        Await.until("their places are free again", () -> hub.pendingHandshakes() == 0);
        assertARealClientConnectsAtOnce();
    }
}
