package org.kervi.api.userlog;

import java.time.Instant;
import java.util.List;
import org.kervi.api.Registration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The application's user log, a service in every instance: entries logged in a module instance reach the root's
 * log, where they are kept and read.
 */
@ProviderType
public interface UserLog {
    /** Logs an entry now, from this instance. */
    void log(UserLogLevel level, String sourceId, String message);

    /**
     * The newest entries first.
     *
     * @param atLeast the lowest level to include
     * @param since null for no lower time bound
     * @param limit at most this many entries
     */
    List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit);

    /** Tells {@code listener} of every entry logged from now on. */
    Registration addListener(UserLogListener listener);
}
