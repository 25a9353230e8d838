package org.kervi.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a stuck instance was doing: its threads and heap (through the JDK's {@code jcmd}) and the end of its log,
 * written next to its logs and printed, so that a command that timed out in CI can be understood afterwards.
 */
final class Diagnostics {
    private Diagnostics() {}

    /** Writes {@code <home>/diagnostics-<time>.txt} and returns its text. */
    static String capture(long pid, Path home, Path karafLog, String why) {
        StringBuilder b = new StringBuilder("==== " + why + " (" + Instant.now() + ", pid " + pid + ")\n");
        for (String command : new String[] {"GC.heap_info", "Thread.print"}) {
            b.append("---- jcmd ").append(command).append(" ----\n").append(jcmd(pid, command)).append('\n');
        }
        b.append("---- tail of karaf.log ----\n").append(KarafProcess.tail(karafLog, 60)).append('\n');
        String text = b.toString();
        try {
            Files.writeString(home.resolve("diagnostics-" + System.currentTimeMillis() + ".txt"), text,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the text is printed below anyway
        }
        return text;
    }

    private static String jcmd(long pid, String command) {
        try {
            return Jcmd.run(pid, command);
        } catch (RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
