package org.kervi.automation.internal.userlog;

import java.util.List;

/** Action ids as configured in {@code actionsLogged}: an id, or a prefix ending in {@code *} ({@code *} for all). */
final class ActionPatterns {
    private final List<String> patterns;

    ActionPatterns(List<String> configured) {
        this.patterns = configured.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    boolean matches(String actionId) {
        for (String p : patterns) {
            if (p.endsWith("*") ? actionId.startsWith(p.substring(0, p.length() - 1)) : actionId.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
