package org.kervi.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The far end of the raw TCP baseline, run in its own JVM by {@link IpcBenchmark}: listens on a free loopback
 * port (printed as {@code PORT <n>} on stdout), decodes every frame with Gson and
 * <ul>
 *   <li>{@code value}: records {@code now - val} as a one-way latency (same machine, same monotonic clock);</li>
 *   <li>{@code call}: answers {@code {"t":"reply","cid":..,"result":args[0]}} at once;</li>
 *   <li>{@code reset} / {@code stats}: clears / answers the recorded latencies (JSON as {@code bench_sink.stats});</li>
 *   <li>{@code bye}: exits.</li>
 * </ul>
 * The peer also exits when its parent's stdin closes (the harness died).
 */
public final class RawTcpPeer {
    private RawTcpPeer() {
    }

    public static void main(String[] args) throws Exception {
        Latencies latencies = new Latencies(2_000_000);
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // parent alive
                }
            } catch (IOException ignored) {
                // parent gone
            }
            System.exit(0);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            System.out.println("PORT " + server.getLocalPort());
            System.out.flush();
            while (true) {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65536));
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 65536));
                    while (true) {
                        JsonObject frame;
                        try {
                            frame = RawFraming.read(in);
                        } catch (EOFException e) {
                            break;
                        }
                        switch (frame.get("t").getAsString()) {
                            case "value": {
                                long now = System.nanoTime();
                                latencies.record(now - (long) frame.get("val").getAsDouble(), now);
                                break;
                            }
                            case "call": {
                                JsonObject reply = new JsonObject();
                                reply.addProperty("t", "reply");
                                reply.addProperty("cid", frame.get("cid").getAsLong());
                                JsonArray a = frame.getAsJsonArray("args");
                                reply.add("result", a.get(0));
                                RawFraming.write(out, reply);
                                out.flush();
                                break;
                            }
                            case "reset":
                                latencies.reset();
                                break;
                            case "stats": {
                                JsonObject reply = JsonParser.parseString(latencies.statsJson()).getAsJsonObject();
                                reply.addProperty("t", "stats");
                                RawFraming.write(out, reply);
                                out.flush();
                                break;
                            }
                            case "bye":
                                return;
                            default:
                                throw new IOException("unexpected frame " + frame);
                        }
                    }
                }
            }
        }
    }
}
