package org.kervi.dashboard.internal;

import java.util.ArrayList;
import java.util.List;

/** {@link DashboardConfig} checked: every problem is named at once. */
record DashboardSettings(String path, String title, String realm, String viewRole, String writeRole,
        int sessionTimeoutMinutes, int maxBodyBytes, int heartbeatMillis, int historyPoints, int maxStreams,
        int requestTimeoutSeconds) {

    static DashboardSettings of(DashboardConfig c) {
        List<String> problems = new ArrayList<>();
        String path = c.path().trim();
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.matches("(/[A-Za-z0-9._~-]+)+")) {
            problems.add("path '" + c.path() + "' must look like /kervi (letters, digits, . _ ~ -; not /)");
        }
        positive(problems, "sessionTimeoutMinutes", c.sessionTimeoutMinutes());
        positive(problems, "maxBodyBytes", c.maxBodyBytes());
        positive(problems, "heartbeatMillis", c.heartbeatMillis());
        positive(problems, "historyPoints", c.historyPoints());
        positive(problems, "maxStreams", c.maxStreams());
        positive(problems, "requestTimeoutSeconds", c.requestTimeoutSeconds());
        if (c.realm().isBlank()) {
            problems.add("realm must not be empty");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("org.kervi.dashboard: " + String.join("; ", problems));
        }
        return new DashboardSettings(path, c.title().trim(), c.realm().trim(), c.viewRole().trim(),
                c.writeRole().trim(), c.sessionTimeoutMinutes(), c.maxBodyBytes(), c.heartbeatMillis(),
                c.historyPoints(), c.maxStreams(), c.requestTimeoutSeconds());
    }

    private static void positive(List<String> problems, String name, int value) {
        if (value <= 0) {
            problems.add(name + " must be positive, got " + value);
        }
    }
}
