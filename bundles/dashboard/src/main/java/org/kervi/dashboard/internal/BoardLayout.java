package org.kervi.dashboard.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A dashboard as configured: see {@link BoardConfig}. */
record BoardLayout(String id, String name, boolean isDefault, int order, Set<String> userGroups,
        List<PanelLayout> panels) {

    record PanelLayout(String id, String title, int width) {}

    static BoardLayout of(BoardConfig c) {
        org.kervi.api.Ids.requireValid(c.id().trim(), "dashboard");
        return new BoardLayout(c.id().trim(), c.name().trim(), c.isDefault(), c.order(), commaSeparated(c.userGroups()),
                panels(c.panels()));
    }

    /** Whether a user with these roles and groups may see the dashboard. */
    boolean visibleTo(Set<String> rolesAndGroups) {
        return userGroups.isEmpty() || userGroups.stream().anyMatch(rolesAndGroups::contains);
    }

    static List<PanelLayout> panels(String spec) {
        List<PanelLayout> panels = new ArrayList<>();
        for (String entry : commaSeparated(spec)) {
            String[] parts = entry.split(":", -1);
            String title = parts.length > 1 ? parts[1].trim() : "";
            int width = 0;
            if (parts.length > 2) {
                try {
                    width = Math.max(0, Math.min(100, Integer.parseInt(parts[2].trim().replace("%", ""))));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("panel '" + entry + "': width '" + parts[2].trim()
                            + "' is not a whole number of percent");
                }
            }
            panels.add(new PanelLayout(parts[0].trim(), title, width));
        }
        return panels;
    }

    static Set<String> commaSeparated(String s) {
        Set<String> out = new LinkedHashSet<>();
        if (s != null) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
