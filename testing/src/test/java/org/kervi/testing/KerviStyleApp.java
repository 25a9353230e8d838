package org.kervi.testing;

import java.util.List;
import org.kervi.api.actions.Action;
import org.kervi.api.components.KerviComponent;

/** A Kervi-style application: {@code app_main} / {@code app_exit} as global actions. */
final class KerviStyleApp extends KerviComponent {
    private final List<String> calls;

    KerviStyleApp(List<String> calls) {
        super("app", "App");
        this.calls = calls;
    }

    @Action(id = "app_main", global = true)
    public void appMain() {
        calls.add("app_main action");
    }

    @Action(id = "app_exit", global = true)
    public void appExit() {
        calls.add("app_exit action");
    }
}
