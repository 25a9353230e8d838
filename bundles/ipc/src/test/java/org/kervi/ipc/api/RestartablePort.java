package org.kervi.ipc.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port below Linux's ephemeral range (32768–60999), for a server that a test stops and starts
 * again at the same port: an ephemeral port, once released, may be taken meanwhile by any process's outgoing
 * connection.
 */
public final class RestartablePort {
    private RestartablePort() {}

    public static int find() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 20000-32000");
    }
}
