package org.kervi.ipc.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

class NoDelaySocketsTest {
    @Test
    void plainSocketsHaveNagleOff() throws IOException {
        try (Socket s = NoDelaySockets.plain().createSocket()) {
            assertTrue(s.getTcpNoDelay());
        }
    }

    @Test
    void tlsSocketsHaveNagleOffAndStayTlsSockets() throws IOException, NoSuchAlgorithmException {
        try (Socket s = NoDelaySockets.tls(SSLContext.getDefault().getSocketFactory()).createSocket()) {
            assertTrue(s.getTcpNoDelay());
            assertTrue(s instanceof SSLSocket);
        }
    }
}
