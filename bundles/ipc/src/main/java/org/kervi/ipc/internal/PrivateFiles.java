package org.kervi.ipc.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that hold a secret: each is born owner-only ({@code rw-------} given at creation, never chmod'ed
 * afterwards) under a temporary name, written, then given its name in one step, so no reader ever sees it
 * readable by others, half-written or empty.
 */
final class PrivateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {}

    /** Creates {@code path} with {@code content} unless it exists; false when another writer was first. */
    static boolean createIfAbsent(Path path, byte[] content) throws IOException {
        Path staged = stage(path, content);
        try {
            Files.createLink(path, staged);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            if (Files.exists(path)) {
                return false;
            }
            Files.move(staged, path, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Writes {@code path} with {@code content}, replacing what was there in one step. */
    static void replace(Path path, byte[] content) throws IOException {
        Path staged = stage(path, content);
        try {
            Files.move(staged, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private static Path stage(Path path, byte[] content) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        Path staged = folder.resolve("." + path.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp");
        createOwnerOnly(staged);
        try {
            Files.write(staged, content);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(staged);
            throw e;
        }
        return staged;
    }

    private static void createOwnerOnly(Path file) throws IOException {
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        try {
            Files.createFile(file, ownerOnly);
        } catch (UnsupportedOperationException notPosix) {
            LOG.warn("Kervi: the file system of {} has no POSIX permissions: the secret file {} is created with the"
                    + " folder's default access; restrict that folder to the Karaf user", file.getParent(),
                    file.getFileName().toString().replaceFirst("^\\.(.*)\\.[0-9a-f]+\\.tmp$", "$1"));
            Files.createFile(file);
        }
    }
}
