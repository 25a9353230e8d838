package org.kervi.ipc.spi;

import java.time.Duration;

/**
 * What every transport is given from pid {@code org.kervi.ipc}: the application (only instances of the same
 * application see each other), this instance's id, whether this instance is the application's root (role hub),
 * and the default timeout of calls.
 */
public record TransportSettings(String applicationId, String instanceId, boolean root, Duration callTimeout) {

    public TransportSettings {
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("applicationId is empty");
        }
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("instanceId is empty");
        }
        callTimeout = callTimeout == null ? Duration.ofSeconds(10) : callTimeout;
    }
}
