package org.kervi.itests.multi;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake hub that speaks protocol version 3 without knowing any key: to every hello it answers a challenge with a
 * made-up proof, then sends a call and a write as a real hub would route them, and records what each client sends
 * after its hello and whether it closed.
 */
final class RogueHub implements AutoCloseable {
    /** What one connection showed: the instance its hello named, the frames it sent after it, how it ended. */
    record Visit(String instance, List<String> framesAfterHello, boolean closedByClient) {}

    private final ServerSocket server;
    private final List<Visit> visits = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RogueHub(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = new Thread(this::acceptLoop, "rogue-hub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    List<Visit> visits() {
        return visits;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "rogue-hub-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        List<String> after = new CopyOnWriteArrayList<>();
        String instance = "?";
        boolean closedByClient = false;
        try (s) {
            s.setSoTimeout(15_000);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            JsonObject hello = IpcWire.read(in, 1024);
            instance = hello.has("inst") ? hello.get("inst").getAsString() : "?";
            JsonObject challenge = IpcWire.frame("challenge");
            challenge.addProperty("nonce", IpcWire.nonce());
            challenge.addProperty("proof", IpcWire.hmac("not-the-key".getBytes(), "hub|guess"));
            IpcWire.write(out, challenge);
            JsonObject call = IpcWire.frame("call");
            call.addProperty("cid", 1);
            call.addProperty("id", "fan_controller.activate");
            JsonArray args = new JsonArray();
            args.add(false);
            call.add("args", args);
            call.addProperty("from", "rogue");
            IpcWire.write(out, call);
            JsonObject write = IpcWire.frame("write");
            write.addProperty("cid", 2);
            write.addProperty("id", "fan_controller.max_speed");
            write.addProperty("val", 3);
            IpcWire.write(out, write);
            while (true) {
                after.add(IpcWire.read(in, 1 << 20).toString());
            }
        } catch (EOFException | SocketException closed) {
            closedByClient = true;
        } catch (IOException e) {
            after.add("(" + e + ")");
        }
        visits.add(new Visit(instance, after, closedByClient));
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
