package org.kervi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Adds features to {@code featuresBoot} of a Karaf {@code etc/org.apache.karaf.features.cfg}. */
final class BootFeatures {
    /** The key, in either form the assembly writes: a list continued with backslashes, or one generated feature. */
    private static final Pattern KEY = Pattern.compile("(?m)^featuresBoot\\s*=\\s*");

    private BootFeatures() {
    }

    static void add(Path cfg, String... features) {
        try {
            String text = Files.readString(cfg, StandardCharsets.ISO_8859_1);
            Matcher key = KEY.matcher(text);
            if (!key.find()) {
                throw new IllegalStateException("no featuresBoot in " + cfg);
            }
            String added = "featuresBoot = " + String.join(", ", features) + ", ";
            Files.writeString(cfg, text.substring(0, key.start()) + added + text.substring(key.end()),
                    StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add boot features to " + cfg, e);
        }
    }
}
