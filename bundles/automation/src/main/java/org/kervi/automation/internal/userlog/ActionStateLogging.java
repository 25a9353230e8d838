package org.kervi.automation.internal.userlog;

import java.util.List;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionService;
import org.kervi.api.userlog.UserLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Logs the start, end and failure of the actions this instance owns that {@link UserLogConfig#actionsLogged()} names
 * (none by default: Kervi's actions said nothing unless told to). The user log's own outbox action is never logged.
 */
@Component(service = {}, immediate = true, configurationPid = UserLogConfig.PID)
public final class ActionStateLogging {
    private final Registration listening;

    @Activate
    public ActionStateLogging(@Reference ActionService actions, @Reference UserLog log, UserLogConfig config) {
        ActionPatterns logged = new ActionPatterns(config.actionsLogged() == null ? List.of()
                : List.of(config.actionsLogged()));
        listening = logged.isEmpty() ? () -> {} : actions.addStateListener(change -> {
            if (logged.matches(change.actionId()) && !UserLogOutboxComponent.isTake(change.actionId())) {
                ActionStateMessages.of(change).ifPresent(m -> log.log(m.level(), change.actionId(), m.text()));
            }
        });
    }

    @Deactivate
    void deactivate() {
        listening.close();
    }
}
