package org.kervi.app.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kervi.api.Ids;

/**
 * Reads the modules of the {@code org.kervi.app} pid. Every problem of one module (no features, bad name, bad
 * port) is kept with that module, so that the other modules still run.
 */
final class ModuleSpecs {
    /** A module that could be read, or the reason it could not. */
    record Parsed(String name, ModuleSpec spec, String error) {}

    private ModuleSpecs() {}

    static List<Parsed> parse(String[] names, Map<String, ?> properties, String defaultJavaOpts) {
        return parse(names, properties, defaultJavaOpts, false);
    }

    static List<Parsed> parse(String[] names, Map<String, ?> properties, String defaultJavaOpts, boolean sshDefault) {
        Map<String, Parsed> byName = new LinkedHashMap<>();
        for (String raw : names == null ? new String[0] : names) {
            for (String name : raw.split(",")) {
                name = name.trim();
                if (!name.isEmpty() && !byName.containsKey(name)) {
                    byName.put(name, parseOne(name, properties, defaultJavaOpts, sshDefault));
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static Parsed parseOne(String name, Map<String, ?> properties, String defaultJavaOpts,
            boolean sshDefault) {
        if (!Ids.isValid(name) || name.contains(".")) {
            return new Parsed(name, null, "module name '" + name + "' is not valid: use letters, digits, _ - :");
        }
        String prefix = "module." + name + ".";
        List<String> features = new ArrayList<>();
        for (String f : text(properties.get(prefix + "features")).split(",")) {
            if (!f.isBlank()) {
                features.add(f.trim());
            }
        }
        if (features.isEmpty()) {
            return new Parsed(name, null, "module '" + name + "' has no features: set " + prefix + "features"
                    + " (is the name in 'modules' spelled as in the module.<name>.* keys?)");
        }
        String javaOpts = text(properties.get(prefix + "javaOpts"));
        int sshPort;
        try {
            String port = text(properties.get(prefix + "sshPort"));
            sshPort = port.isBlank() ? 0 : Integer.parseInt(port.trim());
            if (sshPort < 0 || sshPort > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            return new Parsed(name, null, prefix + "sshPort must be a port number, got '"
                    + properties.get(prefix + "sshPort") + "'");
        }
        String ssh = text(properties.get(prefix + "ssh")).trim();
        boolean withSsh = sshPort > 0 || (ssh.isEmpty() ? sshDefault : Boolean.parseBoolean(ssh));
        Isolation isolation;
        try {
            isolation = Isolation.parse(text(properties.get(prefix + "isolation")));
        } catch (IllegalArgumentException e) {
            return new Parsed(name, null, prefix + "isolation: " + e.getMessage());
        }
        return new Parsed(name, new ModuleSpec(name, features, javaOpts.isBlank() ? defaultJavaOpts : javaOpts,
                withSsh, sshPort, isolation), null);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String[] array) {
            return String.join(",", array);
        }
        if (value instanceof Iterable<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(String.valueOf(v)));
            return String.join(",", parts);
        }
        return value.toString();
    }
}
