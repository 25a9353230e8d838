package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.status.ApplicationModules;

@Service
@Command(scope = "kervi", name = "module-stop", description = "Stops a module's instance")
public class ModuleStopCommand extends ModuleCommandSupport {
    @Override
    void act(ApplicationModules all, String module) throws Exception {
        all.stop(module);
    }

    @Override
    String verb() {
        return "stop";
    }
}
