package org.kervi.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Karaf's {@code etc/users.properties} as lines ({@code user = password,role,...,_g_:group} and
 * {@code _g_\:group = group,role,...}): comments and the order of lines stay as the operator wrote them.
 */
final class UsersFile {
    static final String ADMIN_GROUP = "admingroup";
    static final String ADMIN_GROUP_LINE = "_g_\\:" + ADMIN_GROUP + " = group,admin,manager,viewer,systembundles,ssh";
    private static final Pattern GROUP = Pattern.compile("^\\s*_g_\\\\:([^=\\s]+)\\s*=\\s*(.*)$");
    private static final Pattern USER = Pattern.compile("^\\s*([^#!\\s=:][^=:\\s]*)\\s*[=:]\\s*(.*)$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    private static final String HEADER = """
            #
            # Users and groups of Karaf's "karaf" JAAS realm (SSH shell, JMX, dashboard). Passwords are PBKDF2 hashes
            # ({CRYPT}...{CRYPT}); set them with kervi:passwd at the console or on the dashboard's first-run page
            # (docs/operators.md). Format:
            #   user = password,role1,...,roleN,_g_:group
            #   _g_\\:group = group,role1,...,roleN
            #
            """;

    /** A user line: name, stored password, then roles and {@code _g_:group} references. */
    record User(String name, String password, List<String> roles) {
    }

    private final List<String> lines;

    private UsersFile(List<String> lines) {
        this.lines = lines;
    }

    static UsersFile read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return parse(HEADER + ADMIN_GROUP_LINE + "\n");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static UsersFile parse(String text) {
        return new UsersFile(new ArrayList<>(Arrays.asList(text.split("\n", -1))));
    }

    String text() {
        String text = String.join("\n", lines);
        return text.endsWith("\n") ? text : text + "\n";
    }

    static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits or _ . @ - (starting with a"
                    + " letter or digit), got '" + name + "'");
        }
    }

    List<User> users() {
        List<User> users = new ArrayList<>();
        for (String line : lines) {
            user(line).ifPresent(users::add);
        }
        return users;
    }

    User find(String name) {
        return users().stream().filter(u -> u.name().equals(name)).findFirst().orElse(null);
    }

    /** Group name → its roles. */
    Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = GROUP.matcher(line);
            if (m.matches()) {
                List<String> values = split(m.group(2));
                groups.put(m.group(1), values.isEmpty() ? values : values.subList(1, values.size()));
            }
        }
        return groups;
    }

    /** The user's roles, those of its groups included. */
    List<String> effectiveRoles(User user) {
        Map<String, List<String>> groups = groups();
        List<String> roles = new ArrayList<>();
        for (String role : user.roles()) {
            if (role.startsWith("_g_:")) {
                roles.addAll(groups.getOrDefault(role.substring(4), List.of()));
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    /** True when a user with the admin role has a password {@code usable} accepts. */
    boolean hasAdmin(Predicate<String> usable) {
        return users().stream().anyMatch(u -> usable.test(u.password()) && effectiveRoles(u).contains("admin"));
    }

    /** Sets the stored password of a user; a new user joins the administrators' group (created if missing). */
    void put(String name, String storedPassword) {
        requireValidName(name);
        for (int i = 0; i < lines.size(); i++) {
            var user = user(lines.get(i));
            if (user.isPresent() && user.get().name().equals(name)) {
                List<String> values = new ArrayList<>(List.of(storedPassword));
                values.addAll(user.get().roles());
                lines.set(i, name + " = " + String.join(",", values));
                return;
            }
        }
        if (!groups().containsKey(ADMIN_GROUP)) {
            insertBeforeTrailingBlank(ADMIN_GROUP_LINE);
        }
        insertBeforeTrailingBlank(name + " = " + storedPassword + ",_g_:" + ADMIN_GROUP);
    }

    /** Comments the user's line out, password removed, with the reason. */
    void disable(String name, String reason) {
        for (int i = 0; i < lines.size(); i++) {
            var user = user(lines.get(i));
            if (user.isPresent() && user.get().name().equals(name)) {
                lines.set(i, "# disabled by Kervi (" + reason + "): " + name + " = <password removed>,"
                        + String.join(",", user.get().roles()));
            }
        }
    }

    private void insertBeforeTrailingBlank(String line) {
        int at = lines.size();
        while (at > 0 && lines.get(at - 1).isBlank()) {
            at--;
        }
        lines.add(at, line);
    }

    private static java.util.Optional<User> user(String line) {
        if (GROUP.matcher(line).matches()) {
            return Optional.empty();
        }
        Matcher m = USER.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> values = split(m.group(2));
        String password = values.isEmpty() ? "" : values.get(0);
        List<String> roles = values.isEmpty() ? List.of() : List.copyOf(values.subList(1, values.size()));
        return Optional.of(new User(m.group(1), password, roles));
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return parts;
    }
}
