package org.kervi.api.userlog;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the user log.
 *
 * @param sourceId the id the entry is about (a value, an action, a module, the application)
 * @param instance the Karaf instance that logged it
 */
public record UserLogEntry(Instant time, UserLogLevel level, String sourceId, String instance, String message) {
    public UserLogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(message, "message");
    }
}
