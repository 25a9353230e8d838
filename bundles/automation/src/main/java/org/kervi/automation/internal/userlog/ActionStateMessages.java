package org.kervi.automation.internal.userlog;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.kervi.api.actions.ActionStateChange;
import org.kervi.api.userlog.UserLogLevel;

/** An action run's state change as a user log line: started (info), succeeded (info), failed (error), interrupted. */
record ActionStateMessages(UserLogLevel level, String text) {

    static Optional<ActionStateMessages> of(ActionStateChange change) {
        String id = change.actionId();
        String after = change.duration() == null ? "" : " after " + seconds(change.duration());
        String why = change.error().isEmpty() ? "" : ": " + change.error();
        return switch (change.state()) {
            case RUNNING -> Optional.of(new ActionStateMessages(UserLogLevel.INFO, "Action " + id + " started"));
            case SUCCEEDED -> Optional.of(new ActionStateMessages(UserLogLevel.INFO, "Action " + id + " succeeded"
                    + after));
            case FAILED -> Optional.of(new ActionStateMessages(UserLogLevel.ERROR, "Action " + id + " failed" + after
                    + why));
            case INTERRUPTED -> Optional.of(new ActionStateMessages(UserLogLevel.WARNING, "Action " + id
                    + " interrupted" + after + why));
            default -> Optional.empty();
        };
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
