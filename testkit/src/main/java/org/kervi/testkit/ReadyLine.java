package org.kervi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line the root instance of a Kervi application prints on its stdout and into {@code karaf.log} once
 * {@code app_main} returned: {@code Kervi application '<name>' ready in <s> s: dashboard http://<host>:<port><path>/}
 * (without the dashboard part when the application has no dashboard; {@link #dashboard()} is then empty).
 */
public record ReadyLine(String application, double seconds, String dashboard, String line) {
    public static final Pattern PATTERN = Pattern.compile(
            "Kervi application '(.*)' ready in ([0-9]+(?:\\.[0-9]+)?) s(?:: dashboard (\\S+))?");

    /** The first ready line in {@code text}, if any. */
    public static Optional<ReadyLine> in(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int start = text.lastIndexOf('\n', m.start()) + 1;
        int end = text.indexOf('\n', m.end());
        return Optional.of(new ReadyLine(m.group(1), Double.parseDouble(m.group(2)),
                m.group(3) == null ? "" : m.group(3),
                text.substring(start, end < 0 ? text.length() : end).trim()));
    }

    /**
     * Waits until {@code file} (e.g. {@link KarafProcess#consoleLog()}) holds a ready line; fails if the instance's
     * JVM exits or {@code timeout} passes first, with the tails of its logs.
     */
    public static ReadyLine await(KarafProcess instance, Path file, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ReadyLine> found = in(read(file));
            if (found.isPresent()) {
                return found.get();
            }
            String problem = !instance.isAlive() ? "the JVM exited"
                    : System.nanoTime() - deadline > 0 ? "not within " + timeout : null;
            if (problem != null) {
                throw new AssertionError(instance + ": no ready line in " + file.getFileName() + ": " + problem
                        + "\n---- tail of data/log/karaf.log ----\n" + KarafProcess.tail(instance.karafLog(), 30)
                        + "\n---- tail of console.log ----\n" + KarafProcess.tail(instance.consoleLog(), 20));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the ready line", e);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
