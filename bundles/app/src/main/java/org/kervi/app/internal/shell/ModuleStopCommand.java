package org.kervi.app.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.app.internal.Modules;

@Service
@Command(scope = "kervi", name = "module-stop", description = "Stops a module's instance")
public class ModuleStopCommand extends ModuleCommandSupport {
    @Override
    void act(Modules all, String module) throws Exception {
        all.stop(module);
    }

    @Override
    String verb() {
        return "stop";
    }
}
