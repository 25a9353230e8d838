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
 * The raw TCP one-way figure of the IPC benchmark, alone: value frames from this JVM to a {@link RawTcpPeer} JVM
 * on loopback (Kervi's framing, Gson, flushed per event), paced like {@code bench_source.burst}, after the same
 * warm-up (30,000 events at 10,000/s) as the IPC benchmark. The floor any Kervi path between two JVMs is compared with.
 */
final class RawOneWayBaseline {
    private RawOneWayBaseline() {
    }

    static Stats run(int rate, int count) throws Exception {
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
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setTcpNoDelay(true);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 65536));
                DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 65536));
                Runnable sendOne = () -> {
                    try {
                        RawFraming.write(out, RawFraming.valueEvent(System.nanoTime()));
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
                Bench.pace(DashboardBenchmark.IPC_WARMUP_RATE, DashboardBenchmark.IPC_WARMUP_COUNT, sendOne);
                control(out, "reset");
                Bench.pace(rate, count, sendOne);
                control(out, "stats");
                Stats stats = Stats.parse(RawFraming.read(in).toString());
                control(out, "bye");
                return stats;
            } finally {
                peer.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            peer.destroyForcibly();
        }
    }

    private static void control(DataOutputStream out, String type) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("t", type);
        RawFraming.write(out, o);
        out.flush();
    }
}
