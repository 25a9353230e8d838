package org.kervi.api.status;

import java.util.List;

/**
 * How a module's instance last ended against the application's will: why, when, the last lines of its log, and
 * where a copy of that log was kept (the instance folder is made anew on the next start).
 */
public record ModuleExit(String reason, long atMillis, List<String> logLines, String logCopy) {
    public ModuleExit {
        logLines = List.copyOf(logLines);
    }
}
