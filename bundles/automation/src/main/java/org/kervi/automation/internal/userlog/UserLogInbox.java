package org.kervi.automation.internal.userlog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * The root's door for entries logged in module instances: the action {@value #APPEND}, which module instances call
 * over IPC like any remote action (so an entry is acknowledged, or the call fails and the module retries).
 */
public final class UserLogInbox extends KerviComponent {
    public static final String APPEND = "userlog.append";

    private final Consumer<UserLogEntry> store;

    UserLogInbox(Consumer<UserLogEntry> store) {
        super("userlog", "User log");
        this.store = store;
    }

    /** Stores an entry another instance logged: time as ISO-8601, level INFO, WARNING or ERROR. */
    @Action(id = "append", name = "Append to the user log")
    public void append(String time, String level, String sourceId, String instance, String message) {
        Instant at;
        try {
            at = Instant.parse(time);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("time '" + time + "' is not an ISO-8601 instant such as"
                    + " 2026-12-05T06:30:00Z");
        }
        UserLogLevel parsed;
        try {
            parsed = UserLogLevel.valueOf(level);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("level '" + level + "' is not one of INFO, WARNING, ERROR");
        }
        if (sourceId == null || sourceId.isBlank() || instance == null || instance.isBlank() || message == null) {
            throw new IllegalArgumentException("an entry needs a source id, an instance and a message");
        }
        store.accept(new UserLogEntry(at, parsed, sourceId, instance, message));
    }
}
