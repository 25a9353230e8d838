package org.kervi.automation.internal.schedules;

import java.util.Map;
import org.kervi.api.Registration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configuration of factory pid {@code org.kervi.automation.schedule}: a scheduled action with no code. A wrong
 * configuration is refused with a logged error naming the pid and the field, and listed by {@code kervi:schedules} as
 * refused with that error; the instance runs on. Deleting the configuration removes the schedule.
 */
@Component(service = ScheduleConfigComponent.class, configurationPid = ScheduleConfigComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = ScheduleConfig.class, factory = true)
public final class ScheduleConfigComponent {
    static final String FACTORY_PID = "org.kervi.automation.schedule";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleConfigComponent.class);

    private final Registration registration;

    @Activate
    public ScheduleConfigComponent(@Reference SchedulesComponent schedules, ScheduleConfig config,
            Map<String, Object> properties) {
        String pid = String.valueOf(properties.get("service.pid"));
        Registration registered;
        try {
            ConfiguredSchedule c = ConfiguredSchedule.from(config, pid);
            registered = schedules.engine().schedule(c.id(), c.schedule(), c.actionId(), c.arguments(), pid);
        } catch (IllegalArgumentException | IllegalStateException e) {
            String id = config.id() == null || config.id().isBlank() ? pid : config.id().trim();
            String error = e.getMessage().startsWith(pid) ? e.getMessage() : pid + ": " + e.getMessage();
            LOG.error("scheduled action refused: {}", error);
            registered = refusal(schedules, id, config, pid, error);
        }
        this.registration = registered;
    }

    private static Registration refusal(SchedulesComponent schedules, String id, ScheduleConfig config, String pid,
            String error) {
        try {
            return schedules.engine().refused(id, config.action(), ConfiguredSchedule.text(config), pid, error);
        } catch (IllegalArgumentException | IllegalStateException taken) {
            return () -> { };
        }
    }

    @Deactivate
    void deactivate() {
        registration.close();
    }
}
