package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.kervi.api.status.ApplicationModules;

/** A command acting on one module by name. */
abstract class ModuleCommandSupport implements Action {
    @Reference(optional = true)
    ApplicationModules modules;

    @Argument(index = 0, name = "module", description = "Module name", required = true)
    @Completion(ModuleNameCompleter.class)
    String name;

    @Override
    public Object execute() throws Exception {
        act(Services.modules(modules), name);
        System.out.println("module " + name + ": " + verb() + " requested");
        return null;
    }

    abstract void act(ApplicationModules all, String module) throws Exception;

    abstract String verb();
}
