package org.kervi.ipc.internal.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.ipc.api.Await;

/** Who gets through a TLS hub, and what a refused side is told. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsLinkTest {
    private static final byte[] MASTER = "tls-master-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final String APP = "tls-app";
    private static final char[] PASSWORD = TestCertificates.PASSWORD.toCharArray();
    private static final Connection.Handler IGNORE = new Connection.Handler() {
        @Override
        public void frame(Connection connection, Frame frame) {
            // the link is only opened here
        }

        @Override
        public void closed(Connection connection, String reason) {
            // nothing to release
        }
    };
    @TempDir
    static Path dir;
    private static TlsSettings hubTls;
    private static TlsSettings trustingTheHub;
    private static Path otherTrustStore;
    private TcpHub hub;

    @BeforeAll
    static void certificates() throws Exception {
        Path hubStore = TestCertificates.hubKeyStore(dir, "hub");
        hubTls = TlsSettings.server(hubStore, PASSWORD);
        trustingTheHub = TlsSettings.client(TestCertificates.trustStoreOf(hubStore, "hub"), PASSWORD, false);
        otherTrustStore = TestCertificates.trustStoreOf(TestCertificates.hubKeyStore(dir, "other"), "other");
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private TcpHub hub(TlsSettings tls) throws Exception {
        hub = new TcpHub(new HubSettings("127.0.0.1", 0, APP, MASTER, 1 << 20, 1000, 100, 2000).withTls(tls))
                .start();
        return hub;
    }

    private ClientSettings client(String instance, TlsSettings tls) {
        return new ClientSettings("127.0.0.1", hub.port(), APP, instance, Hmac.instanceKey(MASTER, APP, instance),
                1 << 20, 1000, 100, 2000, 5000, 200).withTls(tls);
    }

    private Connection dial(String instance, TlsSettings tls) throws Exception {
        return new SocketDialer(client(instance, tls)).dial(IGNORE);
    }

    @Test
    void aClientTrustingTheHubsCertificateAuthenticatesInsideTls() throws Exception {
        hub(hubTls);
        Connection c = dial("sensors", trustingTheHub);
        try {
            Await.until("the hub lists sensors", () -> hub.instances().stream()
                    .anyMatch(i -> "sensors".equals(i.instanceId())));
        } finally {
            c.close("done");
        }
    }

    @Test
    void theHubsCertificateAsPemIsATrustStoreToo() throws Exception {
        hub(hubTls);
        Path pem = dir.resolve("hub.crt");
        Files.writeString(pem, TlsSettings.certificatePem(dir.resolve("hub.p12"), PASSWORD));
        dial("sensors", TlsSettings.client(pem, new char[0], true)).close("done");
    }

    @Test
    void aPlainClientIsRefusedWithAClearErrorAndTheHubServesOthersOn() throws Exception {
        hub(hubTls);
        String refused = assertThrows(java.io.IOException.class, () -> dial("plain", null)).getMessage();
        assertTrue(refused.contains("answered with TLS: set tls=true")
                || refused.contains("closed the connection in the handshake (if it runs with tls=true"), refused);
        Await.until("the refused connection leaves the handshake", () -> hub.pendingHandshakes() == 0);
        Connection c = dial("sensors", trustingTheHub);
        c.close("done");
        assertTrue(hub.instances().stream().noneMatch(i -> "plain".equals(i.instanceId())));
    }

    @Test
    void aClientTrustingAnotherCertificateRefusesTheHubNamingItsTrustStore() throws Exception {
        hub(hubTls);
        TlsSettings other = TlsSettings.client(otherTrustStore, PASSWORD, false);
        String refused = assertThrows(java.io.IOException.class, () -> dial("sensors", other)).getMessage();
        assertTrue(refused.contains("presented a certificate that the trust store " + otherTrustStore
                + " does not accept"), refused);
        Await.until("the hub's side of it is closed", () -> hub.pendingHandshakes() == 0);
        assertEquals(0, hub.instances().stream().filter(i -> "sensors".equals(i.instanceId())).count(),
                "no hello reached the hub");
    }

    @Test
    void theHostnameCheckRefusesACertificateForAnotherName() throws Exception {
        hub(hubTls);
        TlsSettings checking = TlsSettings.client(Path.of(trustingTheHub.store()), PASSWORD, true);
        dial("by-ip", checking).close("done");
        ClientSettings byName = new ClientSettings("localhost", hub.port(), APP, "by-name",
                Hmac.instanceKey(MASTER, APP, "by-name"), 1 << 20, 1000, 100, 2000, 5000, 200).withTls(checking);
        String refused = assertThrows(java.io.IOException.class, () -> new SocketDialer(byName).dial(IGNORE))
                .getMessage();
        assertTrue(refused.contains("does not name the host"), refused);
    }

    @Test
    void aTlsClientAgainstAPlainHubGetsAClearError() throws Exception {
        hub(null);
        String refused = assertThrows(java.io.IOException.class, () -> dial("sensors", trustingTheHub))
                .getMessage();
        assertTrue(refused.contains("does the hub run with tls=true?"), refused);
    }

    @Test
    void aTransportRetriesAnUntrustedHubAndConnectsOnceTrusted() throws Exception {
        hub(hubTls);
        TcpClientTransport refused = new TcpClientTransport(client("sensors",
                TlsSettings.client(otherTrustStore, PASSWORD, false)));
        TcpClientTransport trusted = new TcpClientTransport(client("sensors", trustingTheHub));
        try {
            refused.start(new org.kervi.ipc.api.RecordingListener());
            trusted.start(new org.kervi.ipc.api.RecordingListener());
            Await.until("the trusting client connects", trusted::isConnected);
            Await.holds("the other stays out", 300, () -> !refused.isConnected());
        } finally {
            refused.close();
            trusted.close();
        }
    }
}
