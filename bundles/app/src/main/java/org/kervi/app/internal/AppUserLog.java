package org.kervi.app.internal;

import java.util.HashMap;
import java.util.Map;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogLevel;

/**
 * What the application tells the user log (when {@code kervi-automation} runs here): each module's state as it
 * changes — starts, runs, stops, restarts, crash loops — and app_main / app_exit. Source ids: {@code app.module.<name>}
 * and {@code app}.
 */
final class AppUserLog {
    private volatile UserLog log;
    private final Map<String, ModuleState> lastLogged = new HashMap<>();

    void use(UserLog userLog) {
        this.log = userLog;
    }

    void gone(UserLog userLog) {
        if (this.log == userLog) {
            this.log = null;
        }
    }

    /** Called on the supervisor's thread with each state shown; logs only changes. */
    void moduleState(String name, ModuleState state, int restarts, String error) {
        ModuleState before = lastLogged.put(name, state);
        if (before == state) {
            return;
        }
        String detail = error == null || error.isEmpty() ? "" : ": " + error;
        switch (state) {
            case STARTING -> write(UserLogLevel.INFO, name, "Module " + name + " starting"
                    + (restarts > 0 ? " (restart " + restarts + ")" : ""));
            case RUNNING -> write(UserLogLevel.INFO, name, "Module " + name + " running"
                    + (before == ModuleState.UNRESPONSIVE ? " (answers again)" : ""));
            case STOPPED -> write(UserLogLevel.INFO, name, "Module " + name + " stopped");
            case RESTARTING -> write(UserLogLevel.WARNING, name, "Module " + name + " restarting" + detail);
            case UNRESPONSIVE -> write(UserLogLevel.WARNING, name, "Module " + name + " unresponsive" + detail);
            case CRASH_LOOPING -> write(UserLogLevel.ERROR, name, "Module " + name + " crash-looping" + detail);
            case FAILED, INVALID -> write(UserLogLevel.ERROR, name, "Module " + name + " " + state.key() + detail);
        }
    }

    void appMain(String appName) {
        write(UserLogLevel.INFO, null, "Application " + appName + " started (app_main)");
    }

    void appExit(String appName) {
        write(UserLogLevel.INFO, null, "Application " + appName + " stopping (app_exit)");
    }

    private void write(UserLogLevel level, String module, String message) {
        UserLog current = log;
        if (current != null) {
            current.log(level, module == null ? "app" : "app.module." + module, message);
        }
    }
}
