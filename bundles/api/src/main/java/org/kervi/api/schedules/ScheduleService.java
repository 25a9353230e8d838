package org.kervi.api.schedules;

import java.util.List;
import java.util.Optional;
import org.kervi.api.Registration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs actions at the times their {@link Schedule} names, through the action service (the action may live in any
 * instance). A service in every instance with the {@code kervi-automation} feature. The time of each run is kept under
 * the instance's data folder, so runs missed while the instance was down are reported (a log line and a user-log
 * warning) when the schedule is registered again; they are not run late.
 */
@ProviderType
public interface ScheduleService {

    /**
     * Starts {@code actionId} with {@code arguments} at every fire time of {@code schedule} until the registration
     * is closed.
     *
     * @param arguments values of the action's parameter types, or Strings as typed in the shell
     * @throws IllegalArgumentException the id is taken or blank, or the schedule is wrong (a cron expression that
     *         does not parse, say); the message names the id and what was wrong
     */
    Registration schedule(String id, Schedule schedule, String actionId, List<?> arguments);

    /** {@link #schedule(String, Schedule, String, List)} with arguments given one by one. */
    default Registration schedule(String id, Schedule schedule, String actionId, Object... arguments) {
        return schedule(id, schedule, actionId, List.of(arguments));
    }

    /** Every schedule of this instance, active and refused, by id. */
    List<ScheduleInfo> schedules();

    Optional<ScheduleInfo> schedule(String id);
}
