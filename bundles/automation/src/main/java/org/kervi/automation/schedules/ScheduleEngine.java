package org.kervi.automation.schedules;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionService;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleInfo;
import org.kervi.api.schedules.ScheduleService;
import org.kervi.api.userlog.UserLog;
import org.kervi.automation.internal.schedules.ScheduleRunner;

/**
 * The scheduler behind the {@code kervi-automation} bundle's {@link ScheduleService}, on a clock of your choice. A unit
 * test (or the module authors' test kit) makes one on a {@link ManualScheduleClock} and an {@link ActionService} of its
 * own, registers schedules, advances the clock and sees the actions called:
 *
 * <pre>{@code
 * ManualScheduleClock clock = new ManualScheduleClock(Instant.parse("2026-03-29T00:00:00Z"));
 * try (ScheduleEngine engine = new ScheduleEngine(actions, clock, null, ZoneId.of("Europe/Copenhagen"), () -> null)) {
 *     engine.schedule("morning", Schedule.every().day().at("06:30"), "pump.water");
 *     clock.advance(Duration.ofDays(1)); // pump.water was called once, at 04:30 UTC
 * }
 * }</pre>
 */
public final class ScheduleEngine implements ScheduleService, AutoCloseable {
    private final ScheduleRunner runner;

    /**
     * @param lastFireFile where the last fire time of each schedule is kept (missed runs are reported from it after a
     *        restart: a new engine on the same file); null keeps them in memory
     * @param defaultZone the zone of schedules that name none
     * @param userLog the user log for missed-run warnings; may supply null
     */
    public ScheduleEngine(ActionService actions, ScheduleClock clock, Path lastFireFile, ZoneId defaultZone,
            Supplier<UserLog> userLog) {
        this.runner = new ScheduleRunner(actions, clock, lastFireFile, defaultZone, userLog);
    }

    /** The zone of schedules that name none. */
    public ZoneId defaultZone() {
        return runner.defaultZone();
    }

    @Override
    public Registration schedule(String id, Schedule schedule, String actionId, List<?> arguments) {
        return runner.schedule(id, schedule, actionId, arguments, "code");
    }

    /** As {@link #schedule(String, Schedule, String, List)}, naming where the schedule came from (a pid). */
    public Registration schedule(String id, Schedule schedule, String actionId, List<?> arguments, String source) {
        return runner.schedule(id, schedule, actionId, arguments, source);
    }

    /** Lists a refused configuration with its error (state REFUSED) until the registration is closed. */
    public Registration refused(String id, String actionId, String scheduleText, String source, String error) {
        return runner.refused(id, actionId, scheduleText, source, error);
    }

    @Override
    public List<ScheduleInfo> schedules() {
        return runner.schedules();
    }

    @Override
    public Optional<ScheduleInfo> schedule(String id) {
        return runner.schedule(id);
    }

    /** Stops every schedule; runs already started go on. */
    @Override
    public void close() {
        runner.close();
    }
}
