package org.kervi.bench.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Files the probe writes for the harness: a plain name under the instance's {@code karaf.data}. */
final class DataFiles {
    private DataFiles() {
    }

    static Path resolve(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("file '" + name + "' is not a plain file name (letters, digits, . _ -)");
        }
        return Paths.get(System.getProperty("karaf.data", "data")).resolve(name);
    }
}
