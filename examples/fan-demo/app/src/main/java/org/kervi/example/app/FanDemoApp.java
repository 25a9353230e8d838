package org.kervi.example.app;

import java.util.concurrent.TimeUnit;
import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionService;
import org.kervi.api.components.KerviComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The seed's application code: {@code app_main} switches the fan controller on once every module is ready,
 * {@code app_exit} switches it off before the modules stop. The controller lives in another instance; the call
 * crosses the process boundary through IPC.
 */
@Component(service = KerviComponent.class)
public class FanDemoApp extends KerviComponent {
    private final ActionService actions;

    @Activate
    public FanDemoApp(@Reference ActionService actions) {
        super("fan_demo", "Fan demo");
        this.actions = actions;
    }

    @Action(id = "app_main", global = true)
    public Object appMain() throws Exception {
        return actions.call("fan_controller.activate", true).get(10, TimeUnit.SECONDS);
    }

    @Action(id = "app_exit", global = true)
    public Object appExit() throws Exception {
        return actions.call("fan_controller.activate", false).get(10, TimeUnit.SECONDS);
    }
}
