package org.kervi.app.internal;

import org.kervi.api.runtime.ModuleState;
import java.util.List;
import org.apache.karaf.instance.core.Instance;

/** What the supervisor knows of one module. Touched only on the supervisor's thread. */
final class ModuleProcess {
    final String name;
    final ModuleSpec spec;
    ModuleState state;
    String error = "";
    Instance instance;
    int restarts;
    long startedAtMillis;
    long runningSinceMillis;
    long nextAttemptMillis;
    int backoffSeconds = 1;
    boolean startRequested;

    ModuleProcess(String name, ModuleSpec spec, String invalidReason) {
        this.name = name;
        this.spec = spec;
        if (spec == null) {
            this.state = ModuleState.INVALID;
            this.error = invalidReason;
        } else {
            this.state = ModuleState.STARTING;
        }
    }

    String startActionId() {
        return ModuleAgent.startActionId(name);
    }

    ModuleStatus status(long now) {
        int pid = ChildInstances.alive(instance) ? ChildInstances.pid(instance) : 0;
        long uptime = pid > 0 && startedAtMillis > 0 ? now - startedAtMillis : 0;
        int sshPort = 0;
        try {
            sshPort = instance == null || !spec.ssh() ? 0 : instance.getSshPort();
        } catch (RuntimeException e) {
            // destroyed meanwhile: no port to show
        }
        return new ModuleStatus(name, instance == null ? "" : name, state.key(), pid, uptime, restarts, sshPort,
                spec == null ? List.of() : spec.features(), error);
    }
}
