package org.kervi.ipc.internal.tcp;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may call which actions and write which values through the hub. The root (the hub's own instance: app code,
 * dashboard, shell) may do everything; any other instance may call its own actions and write its own values, plus
 * what a grant names: per instance, or for {@link #EVERYONE} (configured by pid {@value #PID}).
 */
public record AccessPolicy(String root, Map<String, List<String>> calls, Map<String, List<String>> writes) {
    public static final String PID = "org.kervi.ipc.acl";
    /** The grant key prefix that applies to every instance other than the root. */
    public static final String EVERYONE = "everyone";
    /** Every instance may do everything (the behaviour before ACLs; tests and tools that want it say so). */
    public static final AccessPolicy OPEN = new AccessPolicy(null, Map.of(), Map.of());

    public enum Kind {
        CALL("call", "call action"),
        WRITE("write", "write value");

        final String key;
        final String verb;

        Kind(String key, String verb) {
            this.key = key;
            this.verb = verb;
        }

        public String key() {
            return key;
        }
    }

    public AccessPolicy {
        calls = Map.copyOf(calls);
        writes = Map.copyOf(writes);
    }

    /** A policy with no grants: only the root crosses instances. */
    public static AccessPolicy rootOnly(String root) {
        return new AccessPolicy(root, Map.of(), Map.of());
    }

    /** Whether {@code instance} is the root, which no ACL and no quota restricts. */
    public boolean isRoot(String instance) {
        return root != null && root.equals(instance);
    }

    public boolean allows(String caller, Kind kind, String id, String owner) {
        if (root == null || isRoot(caller) || caller.equals(owner)) {
            return true;
        }
        Map<String, List<String>> grants = kind == Kind.CALL ? calls : writes;
        return matches(grants.get(caller), id) || matches(grants.get(EVERYONE), id);
    }

    /** Why {@code caller} may not do it, and which key would allow it. */
    public String refusal(String caller, Kind kind, String id, String owner) {
        return "instance '" + caller + "' may not " + kind.verb + " '" + id + "' of instance '" + owner
                + "': only the root and the owner may, or a grant in " + PID + " " + caller + "." + kind.key
                + " (or " + EVERYONE + "." + kind.key + ")";
    }

    private static boolean matches(List<String> globs, String id) {
        if (globs != null) {
            for (String glob : globs) {
                if (glob(glob).matcher(id).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code *} stands for any characters, dots included; everything else is literal. */
    static Pattern glob(String glob) {
        return Pattern.compile(Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
