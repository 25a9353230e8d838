package org.kervi.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    private static DashboardConfig config(String path, int maxBodyBytes, String realm) {
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
}
