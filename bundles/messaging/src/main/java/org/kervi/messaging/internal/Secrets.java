package org.kervi.messaging.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A secret given either in the configuration or in a file (its first line), never both. */
final class Secrets {
    private Secrets() {}

    /**
     * @return the secret, or "" when neither is given; problems name the fields, never the secret
     */
    static String read(String value, String fileField, String file, String valueField, Problems problems) {
        boolean hasValue = value != null && !value.isEmpty();
        boolean hasFile = file != null && !file.isBlank();
        if (hasValue && hasFile) {
            problems.add(valueField, "give either " + valueField + " or " + fileField + ", not both");
            return "";
        }
        if (!hasFile) {
            return hasValue ? value : "";
        }
        Path path = Path.of(file.trim());
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8);
            String firstLine = content.lines().findFirst().orElse("");
            if (firstLine.isEmpty()) {
                problems.add(fileField, path + " is empty");
            }
            return firstLine;
        } catch (IOException | SecurityException e) {
            problems.add(fileField, path + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return "";
        }
    }
}
