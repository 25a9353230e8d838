package org.kervi.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Resource gauges of a running JVM read from outside: the heap in use right after a full GC (the JDK's
 * {@code jcmd}: {@code GC.run}, then {@code GC.heap_info}) and the number of open file descriptors
 * ({@code /proc/<pid>/fd}), and whether a class was loaded. For tests that compare an instance before and after a
 * load.
 */
public final class JvmGauges {
    /** A generation or heap line of {@code GC.heap_info}: "def new generation total 19648K, used 0K [...". */
    private static final Pattern HEAP_LINE =
            Pattern.compile("^\\s*\\S.*(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

    private JvmGauges() {}

    /** Runs a full GC in {@code pid} and returns the heap it keeps in use (every generation), in KiB. */
    public static long heapUsedAfterGcKiB(long pid) {
        Jcmd.run(pid, "GC.run");
        return heapUsedKiB(Jcmd.run(pid, "GC.heap_info"));
    }

    /** The used sizes of every generation (or of the one heap) in a {@code GC.heap_info} text, added up. */
    static long heapUsedKiB(String info) {
        long used = 0;
        boolean found = false;
        for (String line : info.split("\\R")) {
            Matcher m = HEAP_LINE.matcher(line);
            if (m.find()) {
                used += Long.parseLong(m.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("no heap figures in jcmd GC.heap_info: " + info);
        }
        return used;
    }

    /** Whether {@code pid} has loaded a class of this name (by any class loader): {@code jcmd VM.classloaders}. */
    public static boolean hasLoaded(long pid, String className) {
        String classes = Jcmd.run(pid, "VM.classloaders show-classes=true");
        return Pattern.compile("(?m)\\s" + Pattern.quote(className) + "\\s*$").matcher(classes).find();
    }

    /** How many file descriptors {@code pid} has open now (sockets, files, pipes). */
    public static int openFileDescriptors(long pid) {
        try (Stream<Path> fds = Files.list(Paths.get("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the descriptors of process " + pid, e);
        }
    }
}
