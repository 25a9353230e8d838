package org.kervi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/** CPU time (user + system) a process has used so far, from {@code /proc/<pid>/stat}, in milliseconds. */
final class ProcessCpu {
    private static final double TICK_MS = 10.0; // USER_HZ = 100 on Linux

    private ProcessCpu() {
    }

    static double millis(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc", Long.toString(pid), "stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) * TICK_MS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** This JVM's own CPU time. */
    static double selfMillis() {
        return millis(ProcessHandle.current().pid());
    }
}
