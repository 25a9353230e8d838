package org.kervi.automation.internal.schedules;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts the fire times that passed unrun and reports them: a log line and, when there is one, a user-log warning. */
final class MissedRuns {
    /** Counting stops here; the report then says "at least". */
    static final int COUNT_LIMIT = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(MissedRuns.class);

    private MissedRuns() {}

    /**
     * @param first the first fire time that was missed
     * @param now fire times up to this are missed
     * @return how many were missed (at most {@link #COUNT_LIMIT})
     */
    static long report(ScheduleEntry entry, ZonedDateTime first, Instant now, String why, Supplier<UserLog> userLog) {
        long count = 0;
        ZonedDateTime last = first;
        for (ZonedDateTime t = first; t != null && !t.toInstant().isAfter(now) && count < COUNT_LIMIT;
                t = entry.times.after(t)) {
            count++;
            last = t;
        }
        String message = "missed " + (count >= COUNT_LIMIT ? "at least " : "") + count + " run(s) of action "
                + entry.actionId + " (" + entry.description + ", " + entry.zone + ") " + why + ": first due " + first
                .toLocalDateTime() + ", last due " + last.toLocalDateTime() + "; missed runs are not run late";
        LOG.warn("schedule {}: {}", entry.id, message);
        UserLog log = userLog.get();
        if (log != null) {
            try {
                log.log(UserLogLevel.WARNING, entry.id, message);
            } catch (RuntimeException e) {
                LOG.warn("schedule {}: the user log refused the missed-run warning: {}", entry.id, e.toString());
            }
        }
        return count;
    }
}
