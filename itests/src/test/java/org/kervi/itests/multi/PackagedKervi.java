package org.kervi.itests.multi;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kervi.testkit.KarafProcess;
import org.kervi.testkit.ReadyLine;

/**
 * Kervi started from a Debian package unpacked into {@code root} ({@code dpkg-deb -x}), the way its systemd unit
 * starts it: {@code /usr/share/kervi/bin/kervi-service} with {@code KERVI_ROOT} = {@code root}, no terminal, stdin
 * at EOF, output to a file (the journal of the real service).
 */
final class PackagedKervi {
    private final Path root;
    private final Path console;
    private final Set<Path> programFiles;
    private Process process;

    PackagedKervi(Path root) throws IOException {
        this.root = root;
        this.console = Files.createTempFile(root, "console-", ".log");
        this.programFiles = filesUnder(root.resolve("usr/share/kervi"));
    }

    PackagedKervi launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("usr/share/kervi/bin/kervi-service").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("KARAF_") || k.equals("JAVA_OPTS") || k.equals("EXTRA_JAVA_OPTS"));
        env.put("KERVI_ROOT", root.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("EXTRA_JAVA_OPTS", KarafProcess.DEFAULT_JAVA_OPTS);
        process = builder.start();
        return this;
    }

    ReadyLine awaitReady(Duration timeout) {
        return Poll.until("the ready line of the packaged Kervi", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the packaged Kervi exited " + process.exitValue() + "\n" + logTail());
            }
            return ReadyLine.in(console()).orElse(null);
        });
    }

    String console() {
        try {
            return Files.readString(console, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        return "---- /var/log/kervi/karaf.log ----\n" + KarafProcess.tail(root.resolve("var/log/kervi/karaf.log"), 40)
                + "\n---- console ----\n" + KarafProcess.tail(console, 20);
    }

    /** Files under /usr/share/kervi that the package did not bring (through the instances link: not followed). */
    Set<Path> writtenUnderProgramFiles() throws IOException {
        Set<Path> now = filesUnder(root.resolve("usr/share/kervi"));
        now.removeAll(programFiles);
        return now;
    }

    /** SIGTERM to the root JVM, as {@code systemctl stop} (KillMode=mixed) sends it; waits for it and its modules. */
    void stop(Duration timeout) throws InterruptedException {
        Set<ProcessHandle> modules = process.descendants().collect(Collectors.toSet());
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the packaged Kervi still runs " + timeout + " after SIGTERM\n" + logTail());
        }
        for (ProcessHandle module : modules) {
            module.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    /** What the test's end does to whatever still runs. */
    void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static Set<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.collect(Collectors.toSet());
        }
    }
}
