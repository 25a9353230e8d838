package org.kervi.itests.multi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kervi.testkit.Mosquitto;

/**
 * A plain MQTT client ({@code mosquitto_sub}, Debian's mosquitto-clients) subscribed to one topic, noting when each
 * line it prints arrived: how long after an event the broker published something, measured outside the instances.
 */
final class PresenceWatch implements AutoCloseable {
    private record Line(String text, long arrivedNanos) {}

    private final Process process;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private PresenceWatch(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "presence-watch");
        reader.setDaemon(true);
        reader.start();
    }

    /** Subscribes (debug output on, so the SUBACK shows) and returns once the broker acknowledged. */
    static PresenceWatch start(Mosquitto broker, String user, String password, String topic) {
        try {
            Process p = new ProcessBuilder("mosquitto_sub", "-d", "-V", "mqttv5", "-h", "127.0.0.1", "-p",
                    Integer.toString(broker.port()), "-u", user, "-P", password, "-t", topic, "-W", "600")
                    .redirectErrorStream(true).start();
            PresenceWatch watch = new PresenceWatch(p);
            watch.awaitLine("SUBACK", Duration.ofSeconds(30));
            return watch;
        } catch (IOException e) {
            throw new UncheckedIOException("mosquitto_sub could not start (apt-get install mosquitto-clients)", e);
        }
    }

    /** The arrival time ({@link System#nanoTime()}) of the first line containing {@code text}. */
    long awaitLine(String text, Duration timeout) {
        return Poll.until("mosquitto_sub printing a line with " + text + " (so far: " + lines + ")", timeout,
                () -> lines.stream().filter(l -> l.text().contains(text)).findFirst().map(Line::arrivedNanos)
                        .orElse(null));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(new Line(line, System.nanoTime()));
            }
        } catch (IOException e) {
            lines.add(new Line("(reading mosquitto_sub: " + e + ")", System.nanoTime()));
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
