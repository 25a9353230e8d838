package org.kervi.ipc.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

    /** As Paho reads: available, a byte, then the rest with a read timeout that may expire between packets. */
    @Test
    void plainSocketsBufferReadsAndSurviveReadTimeouts() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = NoDelaySockets.plain().createSocket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5000);
            client.setSoTimeout(200);
            try (Socket peer = server.accept()) {
                OutputStream out = peer.getOutputStream();
                InputStream in = client.getInputStream();
                assertSame(in, client.getInputStream(), "one buffered stream per socket");
                DataInputStream data = new DataInputStream(in);
                out.write(new byte[] {1, 2, 3, 4, 5, 6});
                out.flush();
                assertEquals(1, data.readByte());
                assertEquals(5, in.available(), "the rest of the segment is in the buffer");
                byte[] rest = new byte[5];
                data.readFully(rest);
                assertArrayEquals(new byte[] {2, 3, 4, 5, 6}, rest);
                assertThrows(SocketTimeoutException.class, data::readByte, "nothing more sent yet");
                out.write(new byte[] {7, 8});
                out.flush();
                assertEquals(7, data.readByte(), "a timeout loses nothing");
                assertEquals(8, data.readByte());
            }
        }
    }
}
