package org.kervi.automation.internal.schedules;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last fire time of each schedule, kept in a properties file ({@code id = epoch-millis what}), so a restart can
 * tell which runs it missed. {@code what} names the schedule and action: a schedule changed while the instance was
 * down starts afresh instead of reporting runs of its old times. A null file keeps the times in memory only.
 */
final class LastFireStore {
    private static final Logger LOG = LoggerFactory.getLogger(LastFireStore.class);

    private final Path file;
    private final Properties times = new Properties();

    LastFireStore(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                times.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("schedules: cannot read the last fire times in {} ({}): missed runs before this start"
                        + " cannot be reported", file, e.toString());
            }
        }
    }

    synchronized Optional<Instant> lastFire(String id, String what) {
        String entry = times.getProperty(id);
        if (entry == null) {
            return Optional.empty();
        }
        int space = entry.indexOf(' ');
        if (space < 0 || !entry.substring(space + 1).equals(what)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(entry.substring(0, space))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    synchronized void record(String id, String what, Instant fired) {
        times.setProperty(id, fired.toEpochMilli() + " " + what);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                times.store(out, "last fire time of each schedule (epoch ms) and what it ran");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("schedules: cannot keep the last fire time of {} in {}: {}", id, file, e.toString());
        }
    }
}
