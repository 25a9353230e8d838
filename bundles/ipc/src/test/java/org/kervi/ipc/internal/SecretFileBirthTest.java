package org.kervi.ipc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret file is private from the moment it exists: a watcher polls the folder from before the file is made and
 * records the mode of every file the first time it sees it. A file written with the umask and chmod'ed afterwards
 * is seen world- or group-readable in that window.
 */
class SecretFileBirthTest {
    @TempDir
    Path dir;

    @RepeatedTest(5)
    void theSecretFileIsOwnerOnlyFromTheMomentItAppears() throws Exception {
        Path secret = dir.resolve("etc").resolve("kervi.secret");
        Files.createDirectories(secret.getParent());
        List<String> firstSeen = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch watching = new CountDownLatch(1);
        Thread watcher = new Thread(() -> watch(secret.getParent(), firstSeen, stop, watching), "mode-watcher");
        watcher.start();
        assertTrue(watching.await(10, TimeUnit.SECONDS), "the watcher runs");
        IpcSettings.readOrCreate(secret);
        stop.set(true);
        watcher.join(10_000);
        assertTrue(Files.exists(secret));
        assertTrue(firstSeen.stream().anyMatch(s -> s.startsWith("kervi.secret ")), "the watcher saw the file: "
                + firstSeen);
        for (String seen : firstSeen) {
            assertEquals("rw-------", seen.substring(seen.indexOf(' ') + 1), "first mode seen of " + seen);
        }
    }

    /** Records "name mode" of each file the first time it is listed; polls until told to stop, then once more. */
    private static void watch(Path folder, List<String> firstSeen, AtomicBoolean stop, CountDownLatch watching) {
        List<String> names = new ArrayList<>();
        watching.countDown();
        boolean last = false;
        while (!last) {
            last = stop.get();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    if (!names.contains(name)) {
                        try {
                            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                            names.add(name);
                            synchronized (firstSeen) {
                                firstSeen.add(name + " " + mode);
                            }
                        } catch (NoSuchFileException gone) {
                            // a temporary file renamed away between listing and reading: seen next round
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
