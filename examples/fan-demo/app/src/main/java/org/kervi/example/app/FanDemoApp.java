package org.kervi.example.app;

import java.util.concurrent.TimeUnit;
import org.kervi.api.Registration;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.ApplicationCode;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.values.ValueChange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's application code: {@code appMain} switches the fan controller on once every module is ready,
 * {@code appExit} switches it off before the modules stop. The controller lives in another instance; the call
 * crosses the process boundary through IPC.
 *
 * <p>The application's intent — fan control on or off — is kept here: it follows {@code fan_controller.active}
 * while the controller's module serves (so an operator's {@code activate false} counts), and is applied again when
 * that module is ready after a restart. The controller's {@code max_speed} and {@code boost} are persisted values:
 * the application restores them before {@code moduleReady}.
 */
@Component(service = ApplicationCode.class)
public class FanDemoApp implements ApplicationCode {
    static final String ACTIVATE = "fan_controller.activate";
    static final String ACTIVE = "fan_controller.active";
    private static final Logger LOG = LoggerFactory.getLogger(FanDemoApp.class);
    private final ActionService actions;
    private final Registration following;
    private volatile boolean fanOn;
    private volatile boolean controllerServing;
    private volatile String controllerModule = "";

    @Activate
    public FanDemoApp(@Reference ActionService actions, @Reference KerviRegistry registry) {
        this.actions = actions;
        this.following = registry.subscribeAll(this::changed);
    }

    @Deactivate
    void deactivate() {
        following.close();
    }

    private void changed(ValueChange<?> change) {
        if (controllerServing && change.id().equals(ACTIVE) && change.current() instanceof Boolean on) {
            fanOn = on;
        }
    }

    @Override
    public void appMain() throws Exception {
        fanOn = true;
        applyIntent();
    }

    @Override
    public void moduleReady(String module) throws Exception {
        if (actions.action(ACTIVATE).map(ActionInfo::owner).filter(module::equals).isPresent()) {
            applyIntent();
        }
    }

    @Override
    public void moduleLost(String module, ModuleState state) {
        if (module.equals(controllerModule)) {
            controllerServing = false;
            LOG.info("Fan controller's module '{}' is {}; the fan will be switched {} when it is back", module,
                    state.key(), fanOn ? "on" : "off");
        }
    }

    @Override
    public void appExit() throws Exception {
        controllerServing = false;
        Object speed = actions.call(ACTIVATE, false).get(10, TimeUnit.SECONDS);
        LOG.info("Fan switched off (fan speed {})", speed);
    }

    private void applyIntent() throws Exception {
        Object speed = actions.call(ACTIVATE, fanOn).get(10, TimeUnit.SECONDS);
        controllerModule = actions.action(ACTIVATE).map(ActionInfo::owner).orElse("");
        controllerServing = true;
        LOG.info("Fan control {} (fan speed {})", fanOn ? "on" : "off", speed);
    }
}
