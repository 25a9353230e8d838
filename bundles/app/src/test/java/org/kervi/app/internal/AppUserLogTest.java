package org.kervi.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kervi.api.Registration;
import org.kervi.api.runtime.ModuleState;
import org.kervi.api.userlog.UserLog;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;
import org.kervi.api.userlog.UserLogListener;

class AppUserLogTest {
    private final List<String> lines = new ArrayList<>();
    private final UserLog recorded = new UserLog() {
        @Override
        public void log(UserLogLevel level, String sourceId, String message) {
            lines.add(level + " " + sourceId + ": " + message);
        }

        @Override
        public List<UserLogEntry> entries(UserLogLevel atLeast, Instant since, int limit) {
            return List.of();
        }

        @Override
        public Registration addListener(UserLogListener listener) {
            return () -> {};
        }
    };

    @Test
    void moduleStateChangesAreLoggedOnceEachWithTheirReason() {
        AppUserLog log = new AppUserLog();
        log.moduleState("sensors", ModuleState.STARTING, 0, "");
        log.use(recorded);
        log.moduleState("sensors", ModuleState.STARTING, 0, "");
        log.moduleState("sensors", ModuleState.RUNNING, 0, "");
        log.moduleState("sensors", ModuleState.RUNNING, 0, "");
        log.moduleState("sensors", ModuleState.RESTARTING, 1, "exited (code 137); restart 1 in 1 s");
        log.moduleState("sensors", ModuleState.STARTING, 1, "");
        log.appMain("Fan demo");
        log.gone(recorded);
        log.moduleState("sensors", ModuleState.STOPPED, 1, "");
        assertEquals(List.of("INFO app.module.sensors: Module sensors running",
                "WARNING app.module.sensors: Module sensors restarting: exited (code 137); restart 1 in 1 s",
                "INFO app.module.sensors: Module sensors starting (restart 1)",
                "INFO app: Application Fan demo started (app_main)"), lines);
    }
}
