package org.kervi.bench;

import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.kervi.bench.Bench.Stats;

/**
 * The raw baseline's two ends: a {@link RawTcpPeer} in its own JVM (same java and classpath, {@code -Xms32m
 * -Xmx192m}) and a TCP_NODELAY connection to it with Kervi's framing.
 */
final class RawPeerLink implements AutoCloseable {
    final DataOutputStream out;
    final DataInputStream in;
    private final Process peer;
    private final Socket socket;

    private RawPeerLink(Process peer, Socket socket) throws IOException {
        this.peer = peer;
        this.socket = socket;
        socket.setTcpNoDelay(true);
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 65536));
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65536));
    }

    static RawPeerLink start() throws IOException {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process peer = new ProcessBuilder(java, "-Xms32m", "-Xmx192m", "-cp", System.getProperty("java.class.path"),
                RawTcpPeer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(peer.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = lines.readLine();
            if (line == null || !line.startsWith("PORT ")) {
                throw new IllegalStateException("raw peer did not start: " + line);
            }
            int port = Integer.parseInt(line.substring(5).trim());
            return new RawPeerLink(peer, new Socket(InetAddress.getLoopbackAddress(), port));
        } catch (IOException | RuntimeException e) {
            peer.destroyForcibly();
            throw e;
        }
    }

    /** One value frame stamped with {@code System.nanoTime()}, flushed: the raw counterpart of a value event. */
    void sendStamp() {
        try {
            RawFraming.write(out, RawFraming.valueEvent(System.nanoTime()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} sequential request/response calls of the peer's echo (after {@code count / 10} for warm-up): the
     * raw counterpart of an action round trip.
     */
    Stats roundTrips(int count) throws IOException {
        Latencies rt = new Latencies(count);
        for (int i = 0; i < count / 10 + count; i++) {
            JsonObject call = RawFraming.echoCall(i + 1, i);
            long start = System.nanoTime();
            RawFraming.write(out, call);
            out.flush();
            JsonObject reply = RawFraming.read(in);
            long now = System.nanoTime();
            if (reply.get("result").getAsLong() != i) {
                throw new IllegalStateException("bad reply " + reply);
            }
            if (i >= count / 10) {
                rt.record(now - start, now);
            }
        }
        return Stats.parse(rt.statsJson());
    }

    /** Sends a control frame ({@code reset}, {@code stats}, {@code bye}) to the peer. */
    void control(String type) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("t", type);
        RawFraming.write(out, o);
        out.flush();
    }

    /** The peer's one-way latency statistics since the last {@code reset}. */
    Stats stats() throws IOException {
        control("stats");
        return Stats.parse(RawFraming.read(in).toString());
    }

    /** Says goodbye, gives the peer 10 s to exit, then kills it. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            control("bye");
            socket.close();
            peer.waitFor(10, TimeUnit.SECONDS);
        } finally {
            peer.destroyForcibly();
        }
    }
}
