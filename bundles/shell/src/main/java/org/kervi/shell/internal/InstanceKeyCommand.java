package org.kervi.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.kervi.api.status.InstanceKeys;

@Service
@Command(scope = "kervi", name = "instance-key", description = "Prints the IPC key of one instance id, to configure"
        + " as instanceKey (pid org.kervi.ipc) on a machine that joins the application with that id; the key"
        + " authenticates that id only")
public class InstanceKeyCommand implements Action {
    @Reference(optional = true)
    InstanceKeys keys;

    @Argument(index = 0, name = "instance", description = "The instance id that joins (a module name, or a new id)",
            required = true)
    @Completion(ModuleNameCompleter.class)
    String instanceId;

    @Override
    public Object execute() {
        InstanceKeys issuer = Services.instanceKeys(keys);
        System.out.println(issuer.instanceKey(instanceId));
        return null;
    }
}
