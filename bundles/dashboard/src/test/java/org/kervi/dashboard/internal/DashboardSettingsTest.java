package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    private static DashboardConfig config(String path, int maxBodyBytes, String realm) {
        return config(path, maxBodyBytes, realm, new String[0]);
    }

    private static DashboardConfig config(String path, int maxBodyBytes, String realm, String[] hosts) {
        return new DashboardConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DashboardConfig.class;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String title() {
                return "";
            }

            @Override
            public String realm() {
                return realm;
            }

            @Override
            public String viewRole() {
                return "";
            }

            @Override
            public String writeRole() {
                return "admin";
            }

            @Override
            public int sessionTimeoutMinutes() {
                return 60;
            }

            @Override
            public int maxBodyBytes() {
                return maxBodyBytes;
            }

            @Override
            public int heartbeatMillis() {
                return 5000;
            }

            @Override
            public int historyPoints() {
                return 2000;
            }

            @Override
            public int maxStreams() {
                return 200;
            }

            @Override
            public int requestTimeoutSeconds() {
                return 30;
            }

            @Override
            public int maxStreamsPerUser() {
                return 20;
            }

            @Override
            public int maxStreamsPerAddress() {
                return 40;
            }

            @Override
            public String[] allowedHosts() {
                return hosts;
            }

            @Override
            public int loginFreeAttempts() {
                return 5;
            }

            @Override
            public int loginDelaySeconds() {
                return 1;
            }

            @Override
            public int loginLockoutAttempts() {
                return 20;
            }

            @Override
            public int loginLockoutMinutes() {
                return 15;
            }
        };
    }

    @Test
    void pathLosesItsTrailingSlash() {
        assertEquals("/farm/dash", DashboardSettings.of(config(" /farm/dash/ ", 100, "karaf")).path());
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DashboardSettings.of(config("/", 0, " ")));
        assertEquals("org.kervi.dashboard: path '/' must look like /kervi (letters, digits, . _ ~ -; not /); "
                + "maxBodyBytes must be positive, got 0; realm must not be empty", e.getMessage());
    }

    @Test
    void allowedHostsAreNamesWithoutPortsInLowerCase() {
        DashboardSettings s = DashboardSettings.of(config("/kervi", 100, "karaf",
                new String[] {"Kervi.Example.org, 192.168.1.20", "[fe80::1]"}));
        assertEquals(java.util.List.of("kervi.example.org", "192.168.1.20", "[fe80::1]"), s.allowedHosts());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DashboardSettings.of(config("/kervi", 100, "karaf", new String[] {"evil.example:8181/x"})));
        assertEquals("org.kervi.dashboard: allowedHosts entry 'evil.example:8181/x' must be a host name, an IPv4 "
                + "address, [an IPv6 address] or *", e.getMessage());
    }
}
