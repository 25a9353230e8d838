package org.kervi.devices.pi4j.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine's files as the board detection reads them, under a root that is {@code /} in production and a temporary
 * folder in tests.
 */
final class SystemFiles {
    private final Path root;

    SystemFiles(Path root) {
        this.root = root;
    }

    static SystemFiles machine() {
        return new SystemFiles(Path.of("/"));
    }

    /** {@code absolute} (e.g. {@code /dev/gpiochip0}) under this root. */
    Path resolve(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /** The text of a file without the trailing NUL the device tree puts there; empty when it cannot be read. */
    Optional<String> text(String absolute) {
        try {
            String text = Files.readString(resolve(absolute), StandardCharsets.UTF_8);
            return Optional.of(text.replace("\0", "").trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The sorted names in folder {@code absolute} that start with {@code prefix}; none when the folder is missing. */
    List<String> names(String absolute, String prefix) {
        Path folder = resolve(absolute);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    boolean exists(String absolute) {
        return Files.exists(resolve(absolute));
    }

    /** Whether this process may read and write the file, as opening a device node for I/O needs. */
    boolean readWritable(String absolute) {
        Path file = resolve(absolute);
        return Files.isReadable(file) && Files.isWritable(file);
    }
}
