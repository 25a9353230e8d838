package org.kervi.testing;

import java.time.Duration;
import java.time.ZoneId;
import org.kervi.api.actions.ActionService;
import org.kervi.api.userlog.UserLog;
import org.kervi.automation.schedules.ScheduleEngine;

/** The automation bundle's schedule engine on the test's time, made when a test first schedules something. */
final class TestSchedules implements AutoCloseable {
    private final TrackedActions actions;
    private final ScheduleEngine engine;

    TestSchedules(ActionService coreActions, ManualScheduler scheduler, ZoneId zone, UserLog userLog) {
        actions = new TrackedActions(coreActions);
        engine = new ScheduleEngine(actions, new ScheduleClockOnScheduler(scheduler), null, zone, () -> userLog);
    }

    ScheduleEngine engine() {
        return engine;
    }

    void awaitRuns(Duration timeout) {
        actions.awaitAll(timeout);
    }

    @Override
    public void close() {
        engine.close();
    }
}
