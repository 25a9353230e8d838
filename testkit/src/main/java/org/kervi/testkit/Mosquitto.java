package org.kervi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker (Debian's {@code mosquitto}, installed by {@code .ci/run}) on a free loopback port, with
 * a generated configuration in its own folder. {@link #restart()} keeps the port, so clients can reconnect to the
 * same URL; {@link #close()} stops it. Users added with {@link Builder#user} turn anonymous access off.
 */
public final class Mosquitto implements AutoCloseable {
    public static final Path BINARY = Path.of(System.getProperty("kervi.mosquitto", "/usr/sbin/mosquitto"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path folder;
    private final int port;
    private final Path config;
    private Process process;

    private Mosquitto(Path folder, int port, Path config) {
        this.folder = folder;
        this.port = port;
        this.config = config;
    }

    public static Builder in(Path folder) {
        return new Builder(folder);
    }

    /** {@code tcp://127.0.0.1:port} (or {@code ssl://} when the builder added TLS lines). */
    public String url() {
        return (isTls() ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    public Path log() {
        return folder.resolve("mosquitto.log");
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker and waits until its port accepts connections. */
    public synchronized Mosquitto start() {
        if (isRunning()) {
            return this;
        }
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install -y mosquitto mosquitto-clients"
                    + " (.ci/run installs it)");
        }
        try {
            process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("mosquitto.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + BINARY, e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + process.exitValue() + ": "
                        + tail(folder.resolve("mosquitto.out")) + tail(log()));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mosquitto did not listen on " + port + " within " + START_TIMEOUT
                        + ": " + tail(log()));
            }
            Thread.onSpinWait();
        }
        return this;
    }

    /** Stops the broker as a crash would look to clients (SIGKILL: no clean disconnects). */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            await(process);
        }
    }

    /** Stops and starts again on the same port with the same configuration. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            await(process);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean isTls() {
        try {
            return Files.readString(config).contains("\ncertfile ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(" + file + ": " + e.getMessage() + ")";
        }
    }

    private static void await(Process p) {
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The broker's configuration: a loopback listener, no persistence unless asked, a log file in the folder. */
    public static final class Builder {
        private final Path folder;
        private final List<String> users = new ArrayList<>();
        private final List<String> listenerLines = new ArrayList<>();
        private final List<String> extraLines = new ArrayList<>();
        private int port;

        private Builder(Path folder) {
            this.folder = folder;
        }

        public Builder port(int fixedPort) {
            this.port = fixedPort;
            return this;
        }

        /** A user in the broker's password file; anonymous clients are refused once any user exists. */
        public Builder user(String name, String password) {
            users.add(name + ":" + password);
            return this;
        }

        /** TLS on the listener with PEM files (server certificate chain and key). */
        public Builder tls(Path certFile, Path keyFile) {
            listenerLines.add("certfile " + certFile.toAbsolutePath());
            listenerLines.add("keyfile " + keyFile.toAbsolutePath());
            return this;
        }

        /** Any other line of mosquitto.conf (e.g. {@code acl_file ...}, {@code persistence true}). */
        public Builder line(String configLine) {
            extraLines.add(configLine);
            return this;
        }

        public Mosquitto build() {
            try {
                Files.createDirectories(folder);
                int chosen = port != 0 ? port : FreePorts.next();
                List<String> conf = new ArrayList<>();
                conf.add("per_listener_settings false");
                // run as root, mosquitto would switch to the user 'mosquitto', who cannot read this folder
                conf.add("user " + System.getProperty("user.name"));
                conf.add("log_dest file " + folder.toAbsolutePath().resolve("mosquitto.log"));
                conf.add("log_type error");
                conf.add("log_type warning");
                conf.add("log_type notice");
                conf.add("connection_messages true");
                conf.add("max_keepalive 65535");
                if (users.isEmpty()) {
                    conf.add("allow_anonymous true");
                } else {
                    Path passwords = folder.resolve("passwords");
                    Files.write(passwords, users, StandardCharsets.UTF_8);
                    run("mosquitto_passwd", "-U", passwords.toAbsolutePath().toString());
                    conf.add("allow_anonymous false");
                    conf.add("password_file " + passwords.toAbsolutePath());
                }
                if (extraLines.stream().noneMatch(l -> l.startsWith("persistence "))) {
                    conf.add("persistence false");
                }
                conf.addAll(extraLines);
                conf.add("listener " + chosen + " 127.0.0.1");
                conf.addAll(listenerLines);
                Path config = folder.resolve("mosquitto.conf");
                Files.writeString(config, String.join("\n", conf) + "\n", StandardCharsets.UTF_8);
                return new Mosquitto(folder, chosen, config);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the broker's configuration in " + folder, e);
            }
        }

        private static void run(String... command) throws IOException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }
}
