package org.kervi.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files holding secrets: each is born owner-only ({@code rw-------} given at creation, never chmod'ed afterwards)
 * under a temporary name, written, then given its name in one step, so no reader ever sees it readable by others,
 * half-written or empty.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    private PrivateFiles() {
    }

    /** Replaces the file's content through a new 0600 file moved over it. */
    public static void write(Path file, String content) throws IOException {
        replace(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces the file's content through a new 0600 file moved over it. */
    public static void replace(Path file, byte[] content) throws IOException {
        Path staged = stage(file, content);
        try {
            try {
                Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Creates {@code file} with {@code content} unless it exists; false when another writer was first. */
    public static boolean createIfAbsent(Path file, byte[] content) throws IOException {
        Path staged = stage(file, content);
        try {
            Files.createLink(file, staged);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            if (Files.exists(file)) {
                return false;
            }
            Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Sets 0600 on an existing file; true when its mode was looser. */
    public static boolean tighten(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
        if (current.equals(OWNER_ONLY)) {
            return false;
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        return true;
    }

    private static Path stage(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path staged;
        try {
            staged = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("Kervi: the file system of {} has no POSIX permissions: the secret file {} is created with the"
                    + " folder's default access; restrict that folder to the Karaf user", dir, file.getFileName());
            staged = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        }
        try {
            Files.write(staged, content);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
        return staged;
    }
}
