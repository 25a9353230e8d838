package org.kervi.app.internal;

import org.kervi.api.actions.Action;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.components.KerviComponent;

/**
 * A shared module's side of the application, in the root: the same actions as a module instance's
 * {@link ModuleAgent}, so the supervisor sees a shared module report ready and answer its heartbeat as any other.
 * Its components start with the root's own (the root is marked ready before {@code app_main}).
 */
public final class SharedModuleAgent extends KerviComponent {
    private final String name;

    SharedModuleAgent(String name) {
        super("module." + name, "Module " + name + " (shared)");
        this.name = name;
    }

    @Action(name = "Start module")
    public String start() {
        return "module " + name + " started in the root instance";
    }

    @Action(name = "Heartbeat", concurrency = ActionConcurrency.PARALLEL)
    public long ping() {
        return ProcessHandle.current().pid();
    }
}
