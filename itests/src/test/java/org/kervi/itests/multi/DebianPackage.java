package org.kervi.itests.multi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The built Debian package and {@code dpkg-deb} over it. */
final class DebianPackage {
    /** System property (set by failsafe): the staged {@code .deb} of the distribution module. */
    static final String PROPERTY = "kervi.deb";

    private DebianPackage() {
    }

    static Path file() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || !Files.isRegularFile(Paths.get(configured))) {
            throw new IllegalStateException(PROPERTY + "=" + configured + " is not a file: build the distribution"
                    + " module first (./mvnw -B verify at the repository root)");
        }
        return Paths.get(configured);
    }

    /** One control field ({@code dpkg-deb -f}). */
    static String field(Path deb, String name) {
        return dpkgDeb("-f", deb.toString(), name).trim();
    }

    static String dpkgDeb(String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(arguments));
        return run(command);
    }

    /** Runs a command to its end; its output, or an {@link AssertionError} with it when it failed. */
    static String run(List<String> command) {
        try {
            Path output = Files.createTempFile("command", ".out");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError(command + " did not end within 120 s");
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new AssertionError(command + " exited " + p.exitValue() + ":\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command);
        }
    }

    /** {@code key=value} lines of a systemd unit (the last of a key wins; sections are not told apart). */
    static Map<String, String> unitSettings(Path unit) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(unit, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) {
                settings.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return settings;
    }

    static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
