package org.kervi.api.status;

import java.util.List;
import org.kervi.api.runtime.ModuleState;

/**
 * A module as {@code kervi:modules} and {@code kervi:module-info} show it. {@code nextAttemptInMillis} is -1 unless
 * a (re)start is scheduled; {@code heartbeatAgeMillis} is -1 unless the module is running or unresponsive;
 * {@code lastExit} is null until its instance first ended against the application's will.
 */
public record ModuleStatus(String name, String instance, ModuleState state, int pid, long uptimeMillis,
        int restarts, int sshPort, List<String> features, String error, long nextAttemptInMillis,
        int backoffSeconds, long heartbeatAgeMillis, ModuleExit lastExit) {}
