package org.kervi.api.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a module of an application is in its life. One type for the shell ({@code kervi:modules}), the dashboard
 * and IPC, where it travels as its {@link #key()} in the value {@code app.module.<name>.state}.
 */
public enum ModuleState {
    /** Its configuration is wrong; it is not started (see the error). */
    INVALID,
    /** Its instance process is starting; it has not reported ready yet. */
    STARTING,
    /** Running, started by the application, answering the supervisor's heartbeat. */
    RUNNING,
    /** Its process is there but it has not answered the supervisor's heartbeat; restarted after a grace. */
    UNRESPONSIVE,
    /** Its process died, never reported ready or stopped answering; a restart is scheduled. */
    RESTARTING,
    /** It failed again soon after each of its last restarts; restarts go on with a growing back-off. */
    CRASH_LOOPING,
    /** Could not be started (see the error); retried with back-off. */
    FAILED,
    /** Stopped on purpose ({@code kervi:module-stop} or the application's exit). */
    STOPPED;

    /** The state's name on the wire, in the shell and on the dashboard: {@code running}, {@code crash-looping}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the module's values and actions can be trusted to be live. */
    public boolean isServing() {
        return this == RUNNING;
    }

    /** The state with this {@link #key()}, if any. */
    public static Optional<ModuleState> fromKey(String key) {
        for (ModuleState s : values()) {
            if (s.key().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
