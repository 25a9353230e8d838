package org.kervi.ipc.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kervi.ipc.api.Await;
import org.kervi.ipc.api.RecordingListener;
import org.kervi.ipc.api.TransportProblem;

/**
 * Protocol version 3: the hub proves it knows the instance's key before the client answers, and a key opens only
 * its own instance id.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandshakeV3Test {
    private static final byte[] MASTER = "handshake-master-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final String APP = "hs-app";
    private TcpHub hub;
    private TcpClientTransport client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    private static ClientSettings client(int port, String instance, byte[] key) {
        return new ClientSettings("127.0.0.1", port, APP, instance, key, 1 << 20, 1000, 100, 2000, 5000, 200);
    }

    private TcpClientTransport started(ClientSettings settings, RecordingListener listener) {
        client = new TcpClientTransport(settings);
        client.start(listener);
        return client;
    }

    @Test
    void aRogueHubWithoutTheKeyGetsNoAnswerAndNoFrameIsExecuted() throws Exception {
        try (ServerSocket rogue = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RecordingListener seen = new RecordingListener();
            started(client(rogue.getLocalPort(), "sensors", Hmac.instanceKey(MASTER, APP, "sensors")), seen);
            for (int attempt = 0; attempt < 2; attempt++) {
                try (Socket s = rogue.accept()) {
                    s.setSoTimeout(10_000);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
                    Frame hello = SocketWire.read(in, 1024);
                    assertEquals(Frame.HELLO, hello.type());
                    assertEquals(Frame.PROTOCOL_VERSION, hello.version);
                    assertEquals(32, Base64.getDecoder().decode(hello.nonce).length, "a 32-byte client nonce");
                    SocketWire.writeDirect(s.getOutputStream(), Frame.challenge(Hmac.nonce(),
                            Hmac.mac("guessed".getBytes(StandardCharsets.UTF_8), "hub|anything")));
                    try {
                        SocketWire.writeDirect(s.getOutputStream(), Frame.write(1, "fan.max_speed", 3, "rogue"));
                    } catch (SocketException closedAlready) {
                        // the client may have closed right after the challenge: what it must do
                    }
                    assertClosedWithoutAnotherByte(in);
                }
            }
            Await.until("the client says the hub did not prove itself", () -> seen.problems.stream().anyMatch(
                    p -> TransportProblem.AUTH_FAILED.equals(p.code()) && p.message().contains("could not prove")));
            assertEquals(0, seen.connects.get());
            assertTrue(seen.written.isEmpty(), "nothing the rogue hub sent was executed");
            assertFalse(client.isConnected());
        }
    }

    private static void assertClosedWithoutAnotherByte(DataInputStream in) throws IOException {
        try {
            assertEquals(-1, in.read(), "the client sends nothing after a wrong proof and closes");
        } catch (SocketException reset) {
            // closed as well
        }
    }

    @Test
    void theRealHubProvesItselfAndTheClientConnects() throws Exception {
        hub = new TcpHub(new HubSettings("127.0.0.1", 0, APP, MASTER, 1 << 20, 1000, 100, 2000)).start();
        RecordingListener seen = new RecordingListener();
        started(client(hub.port(), "sensors", Hmac.instanceKey(MASTER, APP, "sensors")), seen);
        Await.until("connected", client::isConnected);
        assertTrue(seen.problems.isEmpty(), seen.problems.toString());
    }

    @Test
    void aModulesKeyCannotSayHelloAsAnotherInstance() throws Exception {
        hub = new TcpHub(new HubSettings("127.0.0.1", 0, APP, MASTER, 1 << 20, 1000, 100, 2000)).start();
        byte[] sensorsKey = Hmac.instanceKey(MASTER, APP, "sensors");
        RecordingListener seen = new RecordingListener();
        started(client(hub.port(), "controllers", sensorsKey), seen);
        Await.until("the squatter is refused", () -> seen.problems.stream().anyMatch(
                p -> TransportProblem.AUTH_FAILED.equals(p.code())));
        assertEquals(0, seen.connects.get());
        // an attacker that ignores the hub's proof and answers anyway with the key it has
        try (Socket s = new Socket("127.0.0.1", hub.port())) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            String clientNonce = Hmac.nonce();
            SocketWire.writeDirect(s.getOutputStream(), Frame.hello(APP, "controllers", clientNonce));
            Frame challenge = SocketWire.read(in, 1024);
            assertEquals(Frame.CHALLENGE, challenge.type());
            SocketWire.writeDirect(s.getOutputStream(), Frame.auth(Hmac.clientMac(sensorsKey, APP, "controllers",
                    challenge.nonce, clientNonce)));
            Frame refusal = SocketWire.read(in, 1024);
            assertEquals(Frame.ERROR, refusal.type());
            assertEquals(TransportProblem.AUTH_FAILED, refusal.code);
        }
        assertTrue(hub.instances().isEmpty(), "no instance joined: " + hub.instances());
    }

    @Test
    void versionsOneAndTwoAreRefused() throws Exception {
        hub = new TcpHub(new HubSettings("127.0.0.1", 0, APP, MASTER, 1 << 20, 1000, 100, 2000)).start();
        for (int version : List.of(1, 2)) {
            try (Socket s = new Socket("127.0.0.1", hub.port())) {
                s.setSoTimeout(10_000);
                Frame hello = Frame.hello(APP, "old", null);
                hello.version = version;
                SocketWire.writeDirect(s.getOutputStream(), hello);
                Frame refusal = SocketWire.read(new DataInputStream(s.getInputStream()), 1024);
                assertEquals(TransportProblem.VERSION, refusal.code, "version " + version);
            }
        }
    }

    @Test
    void theHubsOwnInstanceGoesThroughTheSameChecksInJvm() throws Exception {
        hub = new TcpHub(new HubSettings("127.0.0.1", 0, APP, MASTER, 1 << 20, 1000, 100, 2000)).start();
        RecordingListener wrong = new RecordingListener();
        ClientSettings squatter = client(hub.port(), "root", Hmac.instanceKey(MASTER, APP, "sensors"));
        client = new TcpClientTransport(squatter, hub.localDialer(squatter));
        client.start(wrong);
        Await.until("refused in-JVM", () -> wrong.problems.stream().anyMatch(
                p -> TransportProblem.AUTH_FAILED.equals(p.code())));
        assertEquals(0, wrong.connects.get());
        client.close();
        RecordingListener right = new RecordingListener();
        ClientSettings root = client(hub.port(), "root", Hmac.instanceKey(MASTER, APP, "root"));
        client = new TcpClientTransport(root, hub.localDialer(root));
        client.start(right);
        Await.until("the right key connects in-JVM", client::isConnected);
    }

    @Test
    void theInstanceKeyIsTheSpecifiedDerivation() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(MASTER, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(("kervi-instance-key|" + APP + "|sensors").getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, new String(Hmac.instanceKey(MASTER, APP, "sensors"), StandardCharsets.UTF_8));
        assertNotNull(expected);
    }

    static void expectClosed(DataInputStream in) throws IOException {
        try {
            in.readInt();
            throw new AssertionError("expected the hub to close the connection");
        } catch (EOFException | SocketException closed) {
            // closed
        }
    }
}
