package org.kervi.dashboard.internal;

import java.util.Set;

/**
 * A logged-in user, kept in the servlet session. {@code csrf} is the token state-changing requests must carry
 * in the {@code X-Kervi-Csrf} header.
 */
record UserSession(String user, Set<String> roles, Set<String> groups, String csrf, boolean canWrite) {
    static final String ATTRIBUTE = "org.kervi.dashboard.user";

    UserSession {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    /** Without the token: a session may end up in a log line. */
    @Override
    public String toString() {
        return "UserSession[user=" + user + ", roles=" + roles + ", groups=" + groups + ", canWrite=" + canWrite + "]";
    }

    /** Roles and groups together: what a dashboard's user groups are matched against. */
    Set<String> rolesAndGroups() {
        java.util.Set<String> all = new java.util.HashSet<>(roles);
        all.addAll(groups);
        return all;
    }
}
