package org.kervi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Sets properties in a Karaf {@code etc/*.cfg} file: a key already present (not commented out) is replaced in
 * place, keeping comments and the other lines; a new key is appended; a missing file is created.
 */
public final class CfgFile {
    private CfgFile() {
    }

    public static void put(Path file, Map<String, String> properties) {
        try {
            List<String> lines = Files.exists(file)
                    ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                    : new ArrayList<>();
            for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
                String line = escape(e.getKey()) + " = " + escape(e.getValue());
                Pattern existing = Pattern.compile("^\\s*" + Pattern.quote(escape(e.getKey())) + "\\s*[=:].*$");
                boolean replaced = false;
                for (int i = 0; i < lines.size(); i++) {
                    if (existing.matcher(lines.get(i)).matches()) {
                        lines.set(i, line);
                        replaced = true;
                    }
                }
                if (!replaced) {
                    lines.add(line);
                }
            }
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Properties-file escaping of the characters that would change the meaning of a line. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
