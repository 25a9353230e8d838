package org.kervi.itests.multi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.runner.Description;

/** Copies the logs of a failed test's temporary installation to {@code target/failed/<class>.<method>/}. */
final class FailedLogs {
    private FailedLogs() {}

    /** Copies every {@code logs} folder found under {@code root} (module instances have their own). */
    static void keep(Path root, String logs, Description test) {
        Path into = Paths.get("target", "failed", test.getClassName() + "." + test.getMethodName());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> isLog(root, f, logs)).toList()) {
                Path copy = into.resolve(root.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            System.err.println("[failed] logs of " + test.getDisplayName() + " kept in " + into.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("[failed] could not keep the logs of " + test.getDisplayName() + ": " + e);
        }
    }

    private static boolean isLog(Path root, Path file, String logs) {
        String relative = root.relativize(file).toString();
        return relative.contains(logs + "/") || relative.endsWith(".log") || relative.contains("/data/log/");
    }
}
