package org.kervi.api.userlog;

/** Told of every entry as it is logged (messaging channels, the dashboard's live stream). */
@FunctionalInterface
public interface UserLogListener {
    void logged(UserLogEntry entry);
}
