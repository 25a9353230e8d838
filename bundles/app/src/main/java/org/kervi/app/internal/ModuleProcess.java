package org.kervi.app.internal;

import java.util.List;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.status.ModuleExit;
import org.kervi.api.status.ModuleStatus;

/** What the supervisor knows of one module. Touched only on the supervisor's thread. */
final class ModuleProcess {
    final String name;
    final ModuleSpec spec;
    ModuleState state;
    String error = "";
    /** Where the current run of the module lives; null before the first start. */
    ModuleHome home;
    int restarts;
    long startedAtMillis;
    long runningSinceMillis;
    long nextAttemptMillis;
    int backoffSeconds = 1;
    boolean startRequested;
    /** When the module last answered the heartbeat (or became running). */
    long lastAnswerMillis;
    boolean pingInFlight;
    long lastPingMillis;
    /** Failures in a row, each before the module had run for the stable period. */
    int quickFailures;
    /** Whether the app code was told the module is ready (and not told since that it was lost). */
    boolean announcedReady;
    ModuleExit lastExit;

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

    String pingActionId() {
        return ModuleAgent.pingActionId(name);
    }

    ModuleStatus status(long now) {
        int pid = home != null && home.alive() ? home.pid() : 0;
        long uptime = pid > 0 && startedAtMillis > 0 ? now - startedAtMillis : 0;
        int sshPort = home == null ? 0 : home.sshPort();
        boolean waiting = state == ModuleState.RESTARTING || state == ModuleState.CRASH_LOOPING
                || state == ModuleState.FAILED;
        long heartbeatAge = state == ModuleState.RUNNING || state == ModuleState.UNRESPONSIVE
                ? now - lastAnswerMillis : -1;
        return new ModuleStatus(name, home == null ? "" : home.where(), state, pid, uptime, restarts, sshPort,
                spec == null ? List.of() : spec.features(), error, waiting ? Math.max(0, nextAttemptMillis - now) : -1,
                backoffSeconds, heartbeatAge, lastExit);
    }
}
