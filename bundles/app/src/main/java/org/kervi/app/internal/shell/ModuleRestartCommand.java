package org.kervi.app.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.app.internal.Modules;

@Service
@Command(scope = "kervi", name = "module-restart", description = "Restarts a module's instance")
public class ModuleRestartCommand extends ModuleCommandSupport {
    @Override
    void act(Modules all, String module) throws Exception {
        all.restart(module);
    }

    @Override
    String verb() {
        return "restart";
    }
}
