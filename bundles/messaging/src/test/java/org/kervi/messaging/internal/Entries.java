package org.kervi.messaging.internal;

import java.time.Instant;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/** User-log entries for tests. */
final class Entries {
    private Entries() {}

    static UserLogEntry entry(UserLogLevel level, String sourceId, String message) {
        return new UserLogEntry(Instant.now(), level, sourceId, "root", message);
    }
}
