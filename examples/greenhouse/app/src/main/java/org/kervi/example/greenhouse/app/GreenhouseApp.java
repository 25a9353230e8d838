package org.kervi.example.greenhouse.app;

import java.util.concurrent.TimeUnit;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.ApplicationCode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The greenhouse's application code: {@code appMain} switches the climate control on once the sensors and
 * actuators modules are ready, and again whenever the actuators module is back after a restart; {@code appExit}
 * switches it off (pump off, fan stopped, vent closed) before the modules stop.
 */
@Component(service = ApplicationCode.class)
public class GreenhouseApp implements ApplicationCode {
    static final String ACTIVATE = "greenhouse.activate";
    private static final Logger LOG = LoggerFactory.getLogger(GreenhouseApp.class);
    private final ActionService actions;
    private volatile boolean running;

    @Activate
    public GreenhouseApp(@Reference ActionService actions) {
        this.actions = actions;
    }

    @Override
    public void appMain() throws Exception {
        running = true;
        climateControl(true);
    }

    @Override
    public void moduleReady(String module) throws Exception {
        if (running && actions.action(ACTIVATE).map(ActionInfo::owner).filter(module::equals).isPresent()) {
            climateControl(true);
        }
    }

    @Override
    public void appExit() throws Exception {
        running = false;
        climateControl(false);
    }

    private void climateControl(boolean on) throws Exception {
        actions.call(ACTIVATE, on).get(10, TimeUnit.SECONDS);
        LOG.info("Greenhouse climate control {}", on ? "on" : "off");
    }
}
