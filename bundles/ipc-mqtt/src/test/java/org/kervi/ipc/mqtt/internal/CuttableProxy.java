package org.kervi.ipc.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the broker that can go silent: {@link #freeze()} stops relaying bytes but keeps
 * every socket open, as a machine that lost power or its network looks to the broker (no DISCONNECT, no FIN);
 * {@link #thaw()} lets new connections through again. {@link #hold()} stops reading what the broker sends until
 * {@link #release()}, as a subscriber that reads slower than the broker writes looks to the broker.
 */
final class CuttableProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile boolean held;

    CuttableProxy(int targetPort) throws IOException {
        this.target = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    void freeze() {
        frozen = true;
    }

    /** Stops reading from the broker: its socket buffers fill, then the broker queues for the client. */
    void hold() {
        held = true;
    }

    void release() {
        held = false;
    }

    /** Relays again, for connections made from now on (the frozen ones stay silent). */
    void thaw() {
        frozen = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(broker);
                relay(client, broker, false);
                relay(broker, client, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket from, Socket to, boolean fromBroker) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while (true) {
                    while (fromBroker && held && !frozen) {
                        Thread.sleep(5);
                    }
                    if ((n = in.read(buffer)) < 0) {
                        break;
                    }
                    if (frozen) {
                        return; // silent from now on; the sockets stay open until close()
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
                if (!frozen) {
                    to.shutdownOutput();
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        }, "proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
