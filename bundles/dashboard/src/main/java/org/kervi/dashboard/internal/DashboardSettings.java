package org.kervi.dashboard.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@link DashboardConfig} checked: every problem is named at once. */
record DashboardSettings(String path, String title, String realm, String viewRole, String writeRole,
        int sessionTimeoutMinutes, int maxBodyBytes, int heartbeatMillis, int historyPoints, int maxStreams,
        int requestTimeoutSeconds, StreamCaps streamCaps, List<String> allowedHosts, LoginLimits loginLimits) {

    /** How many live streams may be open at once: in all, per user, per client address. */
    record StreamCaps(int total, int perUser, int perAddress) {}

    /** When failed logins make an account or an address wait, and when they lock it out. */
    record LoginLimits(int freeAttempts, int delaySeconds, int lockoutAttempts, int lockoutMinutes) {}

    DashboardSettings {
        allowedHosts = List.copyOf(allowedHosts);
    }

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
        positive(problems, "maxStreamsPerUser", c.maxStreamsPerUser());
        positive(problems, "maxStreamsPerAddress", c.maxStreamsPerAddress());
        positive(problems, "requestTimeoutSeconds", c.requestTimeoutSeconds());
        positive(problems, "loginFreeAttempts", c.loginFreeAttempts());
        positive(problems, "loginDelaySeconds", c.loginDelaySeconds());
        positive(problems, "loginLockoutMinutes", c.loginLockoutMinutes());
        if (c.loginLockoutAttempts() < c.loginFreeAttempts()) {
            problems.add("loginLockoutAttempts (" + c.loginLockoutAttempts()
                    + ") must be at least loginFreeAttempts (" + c.loginFreeAttempts() + ")");
        }
        if (c.realm().isBlank()) {
            problems.add("realm must not be empty");
        }
        List<String> hosts = hosts(c.allowedHosts(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("org.kervi.dashboard: " + String.join("; ", problems));
        }
        return new DashboardSettings(path, c.title().trim(), c.realm().trim(), c.viewRole().trim(),
                c.writeRole().trim(), c.sessionTimeoutMinutes(), c.maxBodyBytes(), c.heartbeatMillis(),
                c.historyPoints(), c.maxStreams(), c.requestTimeoutSeconds(),
                new StreamCaps(c.maxStreams(), c.maxStreamsPerUser(), c.maxStreamsPerAddress()), hosts,
                new LoginLimits(c.loginFreeAttempts(), c.loginDelaySeconds(), c.loginLockoutAttempts(),
                        c.loginLockoutMinutes()));
    }

    /** Names as a Host header carries them (lower case, without a port); a comma-separated single entry is split. */
    private static List<String> hosts(String[] configured, List<String> problems) {
        List<String> hosts = new ArrayList<>();
        for (String entry : configured == null ? new String[0] : configured) {
            Arrays.stream(entry.split(",")).map(String::trim).filter(h -> !h.isEmpty()).forEach(h -> {
                String name = h.toLowerCase(Locale.ROOT);
                if (!name.equals("*") && !name.matches("[a-z0-9._-]+|\\[[0-9a-f:.]+\\]")) {
                    problems.add("allowedHosts entry '" + h + "' must be a host name, an IPv4 address, "
                            + "[an IPv6 address] or *");
                } else {
                    hosts.add(name);
                }
            });
        }
        return hosts;
    }

    private static void positive(List<String> problems, String name, int value) {
        if (value <= 0) {
            problems.add(name + " must be positive, got " + value);
        }
    }
}
