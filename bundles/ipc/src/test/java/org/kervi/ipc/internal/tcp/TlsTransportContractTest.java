package org.kervi.ipc.internal.tcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.kervi.ipc.api.RestartablePort;
import org.kervi.ipc.api.Transport;
import org.kervi.ipc.api.TransportContractTest;

/** The transport contract once more, every link inside TLS. */
class TlsTransportContractTest extends TransportContractTest {
    private static TlsSettings hubTls;
    private static TlsSettings clientTls;
    volatile TcpHub hub;
    private final int port = RestartablePort.find();

    @BeforeAll
    static void certificates() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kervi-tls-contract");
        Path keyStore = TestCertificates.hubKeyStore(dir, "hub");
        hubTls = TlsSettings.server(keyStore, TestCertificates.PASSWORD.toCharArray());
        clientTls = TlsSettings.client(TestCertificates.trustStoreOf(keyStore, "hub"),
                TestCertificates.PASSWORD.toCharArray(), true);
    }

    @Override
    protected void startServer() throws IOException {
        hub = new TcpHub(new HubSettings("127.0.0.1", port, "test-app", SECRET.getBytes(StandardCharsets.UTF_8),
                TcpTransportContractTest.MAX_FRAME, TcpTransportContractTest.QUEUE, 100, heartbeatTimeoutMillis())
                .withTls(hubTls), TcpTransportContractTest.LIMITS, () -> AccessPolicy.OPEN).start();
    }

    @Override
    protected void stopServer() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    @Override
    protected Transport newTransport(String instanceId, String secret) {
        return new TcpClientTransport(new ClientSettings("127.0.0.1", port, "test-app", instanceId,
                Hmac.instanceKey(secret.getBytes(StandardCharsets.UTF_8), "test-app", instanceId),
                TcpTransportContractTest.MAX_FRAME, TcpTransportContractTest.QUEUE, 100, heartbeatTimeoutMillis(),
                5000, 400).withTls(clientTls));
    }

    @Override
    protected long heartbeatTimeoutMillis() {
        return 1000;
    }
}
