package org.kervi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Adds features to {@code featuresBoot} of a Karaf {@code etc/org.apache.karaf.features.cfg}. */
final class BootFeatures {
    /** How the distribution's assembly writes the list: one feature a line after this one. */
    private static final String MARKER = "featuresBoot = \\\n";

    private BootFeatures() {
    }

    static void add(Path cfg, String... features) {
        try {
            String text = Files.readString(cfg, StandardCharsets.ISO_8859_1);
            if (!text.contains(MARKER)) {
                throw new IllegalStateException("unexpected featuresBoot format in " + cfg);
            }
            StringBuilder added = new StringBuilder(MARKER);
            for (String feature : features) {
                added.append("    ").append(feature).append(", \\\n");
            }
            Files.writeString(cfg, text.replace(MARKER, added), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add boot features to " + cfg, e);
        }
    }
}
