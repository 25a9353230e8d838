package org.kervi.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsOwnerOnlyAndAReplacedOneToo() throws Exception {
        Path file = dir.resolve("etc/users.properties");
        PrivateFiles.write(file, "a = b\n");
        assertEquals("rw-------", mode(file));
        assertEquals("a = b\n", Files.readString(file));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.write(file, "c = d\n");
        assertEquals("rw-------", mode(file), "the new content arrives in a new 0600 file");
        assertEquals("c = d\n", Files.readString(file));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no staged file left behind");
        }
    }

    @Test
    void tightenReportsALooserMode() throws Exception {
        Path file = Files.writeString(dir.resolve("x"), "secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(PrivateFiles.tighten(file));
        assertEquals("rw-------", mode(file));
        assertFalse(PrivateFiles.tighten(file));
        assertFalse(PrivateFiles.tighten(dir.resolve("missing")));
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
