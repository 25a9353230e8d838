package org.kervi.automation.internal.schedules;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionService;
import org.kervi.api.schedules.Schedule;
import org.kervi.api.schedules.ScheduleInfo;
import org.kervi.api.schedules.ScheduleService;
import org.kervi.api.userlog.UserLog;
import org.kervi.automation.schedules.ScheduleEngine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The instance's {@link ScheduleService}: a {@link ScheduleEngine} on the system clock, in the instance's time zone,
 * keeping last fire times in {@code ${karaf.data}/kervi/schedules/last-fire.properties}.
 */
@Component(service = {ScheduleService.class, SchedulesComponent.class}, immediate = true)
public final class SchedulesComponent implements ScheduleService {
    private final SystemScheduleClock clock = new SystemScheduleClock();
    private final ScheduleEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile UserLog userLog;

    @Activate
    public SchedulesComponent(@Reference ActionService actions) {
        String data = System.getProperty("karaf.data");
        Path file = data == null ? null : Path.of(data, "kervi", "schedules", "last-fire.properties");
        engine = new ScheduleEngine(actions, clock, file, ZoneId.systemDefault(), () -> userLog);
    }

    @Deactivate
    void deactivate() {
        engine.close();
        clock.close();
    }

    ScheduleEngine engine() {
        return engine;
    }

    @Override
    public Registration schedule(String id, Schedule schedule, String actionId, List<?> arguments) {
        return engine.schedule(id, schedule, actionId, arguments);
    }

    @Override
    public List<ScheduleInfo> schedules() {
        return engine.schedules();
    }

    @Override
    public Optional<ScheduleInfo> schedule(String id) {
        return engine.schedule(id);
    }
}
