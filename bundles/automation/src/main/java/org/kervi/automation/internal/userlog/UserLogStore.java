package org.kervi.automation.internal.userlog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.kervi.api.userlog.UserLogEntry;
import org.kervi.api.userlog.UserLogLevel;

/**
 * The newest {@code maxEntries} entries, in memory and in a JSON-lines file that is appended to and rewritten to
 * the newest entries when it holds twice as many lines: bounded on disk, and one write per entry.
 */
final class UserLogStore implements AutoCloseable {
    private static final Logger LOG = System.getLogger(UserLogStore.class.getName());

    private final Path file;
    private final int maxEntries;
    private final Deque<UserLogEntry> entries = new ArrayDeque<>();
    private BufferedWriter writer;
    private int linesInFile;

    UserLogStore(Path file, int maxEntries) {
        this.file = file;
        this.maxEntries = maxEntries;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            int unreadable = load();
            if (linesInFile > maxEntries || unreadable > 0) { // a cut-off last line would swallow the next entry
                rewrite();
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("user log file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the file; returns how many lines could not be read. */
    private int load() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int bad = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            linesInFile++;
            try {
                keep(EntryJson.fromLine(line));
            } catch (RuntimeException e) {
                bad++;
            }
        }
        if (bad > 0) {
            LOG.log(Level.WARNING, "user log file " + file + ": " + bad + " unreadable lines skipped (a cut-off last"
                    + " line after a power cut, or an edited file)");
        }
        return bad;
    }

    synchronized void add(UserLogEntry entry) {
        keep(entry);
        try {
            writer.write(EntryJson.toJson(entry).toString());
            writer.newLine();
            writer.flush();
            if (++linesInFile >= 2 * maxEntries) {
                writer.close();
                rewrite();
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            LOG.log(Level.ERROR, "user log file " + file + " not written (the entry is kept in memory): "
                    + e.getMessage());
        }
    }

    private void keep(UserLogEntry entry) {
        entries.addLast(entry);
        while (entries.size() > maxEntries) {
            entries.removeFirst();
        }
    }

    /** Writes the kept entries to a new file and moves it over the old one (atomically where the file system can). */
    private void rewrite() throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        List<String> lines = new ArrayList<>(entries.size());
        entries.forEach(e -> lines.add(EntryJson.toJson(e).toString()));
        Files.write(next, lines, StandardCharsets.UTF_8);
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
        linesInFile = lines.size();
    }

    /** The newest first: at least {@code atLeast}, not before {@code since} (null for any), at most {@code limit}. */
    synchronized List<UserLogEntry> query(UserLogLevel atLeast, Instant since, int limit) {
        List<UserLogEntry> found = new ArrayList<>();
        for (Iterator<UserLogEntry> it = entries.descendingIterator(); it.hasNext() && found.size() < limit;) {
            UserLogEntry e = it.next();
            if (since != null && e.time().isBefore(since)) {
                continue;
            }
            if (atLeast == null || e.level().atLeast(atLeast)) {
                found.add(e);
            }
        }
        return found;
    }

    synchronized int linesInFile() {
        return linesInFile;
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "user log file " + file + " not closed cleanly: " + e.getMessage());
        }
    }
}
