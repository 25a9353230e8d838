package org.kervi.automation.internal.ranges;

import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.values.RangeChange;
import org.kervi.api.values.RangeListener;

/**
 * A range change as a user log entry at the entered level (normal reads as info). The first placement of a value
 * in a normal range says nothing worth reading and is not logged; a first placement in a warning or error range is.
 */
final class RangeLogging implements RangeListener {
    private final UserLog log;

    RangeLogging(UserLog log) {
        this.log = log;
    }

    @Override
    public void rangeChanged(RangeChange change) {
        UserLogLevel level = switch (change.level()) {
            case NORMAL -> UserLogLevel.INFO;
            case WARNING -> UserLogLevel.WARNING;
            case ERROR -> UserLogLevel.ERROR;
        };
        if (change.initial() && level == UserLogLevel.INFO) {
            return;
        }
        log.log(level, change.value().id(), change.message());
    }
}
