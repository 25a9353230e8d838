package org.kervi.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.security.FirstRunRefusedException;
import org.kervi.security.RunMode;

class UsersGuardTest {
    private static final String OLD_FILE = """
            # an operator's old file
            karaf = karaf,_g_:admingroup
            _g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh
            viewer = secret123,viewer
            """;
    private final Pbkdf2Encryption encryption = new Pbkdf2Encryption(10_000);

    @TempDir
    Path dir;

    @Test
    void productionDisablesPlainTextAndDefaultPasswordsAndMakesTheFilePrivate() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, OLD_FILE + "hashedDefault = " + Hashes.mark(encryption.encryptPassword("karaf"))
                + ",admin\nalice = " + Hashes.mark(encryption.encryptPassword("long enough pw")) + ",viewer\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new UsersGuard(file, encryption).apply(RunMode.PRODUCTION);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file);
        UsersFile users = UsersFile.parse(text);
        assertNull(users.find("karaf"));
        assertNull(users.find("viewer"));
        assertNull(users.find("hashedDefault"));
        assertTrue(users.find("alice").password().startsWith("{CRYPT}pbkdf2"));
        assertFalse(text.contains("secret123"), "a disabled plain-text password is removed from the file");
        assertTrue(text.contains("# disabled by Kervi (plain-text password refused in production mode): karaf"), text);
        assertTrue(text.contains("# an operator's old file"), "comments stay");
        assertFalse(users.hasAdmin(Hashes::isOurs));
    }

    @Test
    void developmentAddsKarafKarafHashedWhenThereIsNoAdministrator() throws Exception {
        Path file = dir.resolve("users.properties");
        new UsersGuard(file, encryption).apply(RunMode.DEVELOPMENT);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        UsersFile users = UsersFile.read(file);
        UsersFile.User karaf = users.find("karaf");
        assertTrue(encryption.checkPassword("karaf", karaf.password()));
        assertTrue(users.effectiveRoles(karaf).containsAll(java.util.List.of("admin", "viewer", "ssh")));
        String before = Files.readString(file);
        new UsersGuard(file, encryption).apply(RunMode.DEVELOPMENT);
        assertEquals(before, Files.readString(file), "an administrator exists: nothing added the second time");
    }

    @Test
    void firstRunNeedsTheTokenFromElsewhereAndHappensOnce() throws Exception {
        Path file = dir.resolve("users.properties");
        new UsersGuard(file, encryption).apply(RunMode.PRODUCTION);
        MutableClock clock = new MutableClock();
        SetupToken token = SetupToken.create(clock);
        CredentialsService credentials = new CredentialsService(file, encryption, RunMode.PRODUCTION, token);
        char[] password = "a long password".toCharArray();

        assertFalse(credentials.adminExists());
        assertThrows(FirstRunRefusedException.class, () -> credentials.firstRun("admin", password, null, false));
        assertThrows(FirstRunRefusedException.class, () -> credentials.firstRun("admin", password, "0000", false));
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
                () -> credentials.firstRun("admin", "short".toCharArray(), token.value(), false));
        assertTrue(shortOne.getMessage().contains("at least 8"), shortOne.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> credentials.firstRun("bad name", password, token.value(), false));

        credentials.firstRun("admin", password, token.value(), false);
        assertTrue(credentials.adminExists());
        assertTrue(encryption.checkPassword("a long password", UsersFile.read(file).find("admin").password()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        FirstRunRefusedException again = assertThrows(FirstRunRefusedException.class,
                () -> credentials.firstRun("other", password, null, true));
        assertTrue(again.getMessage().contains("exists already"), again.getMessage());
        assertThrows(FirstRunRefusedException.class, () -> token.check(token.value()), "the token is used up");
    }

    @Test
    void theTokenExpires() {
        MutableClock clock = new MutableClock();
        SetupToken token = SetupToken.create(clock);
        clock.now = clock.now.plus(SetupToken.VALIDITY).plus(Duration.ofSeconds(1));
        FirstRunRefusedException expired = assertThrows(FirstRunRefusedException.class, () -> token.check(token.value()));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
    }

    @Test
    void setPasswordKeepsAnExistingUsersRoles() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "_g_\\:admingroup = group,admin\nbob = " + Hashes.mark(encryption.encryptPassword("x"))
                + ",viewer\n");
        CredentialsService credentials = new CredentialsService(file, encryption, RunMode.PRODUCTION, null);
        credentials.setPassword("bob", "new password!".toCharArray());
        UsersFile.User bob = UsersFile.read(file).find("bob");
        assertEquals(java.util.List.of("viewer"), bob.roles());
        assertTrue(encryption.checkPassword("new password!", bob.password()));
        assertFalse(credentials.adminExists(), "a viewer is no administrator");
        assertThrows(IllegalArgumentException.class, () -> credentials.setPassword("bob", "password".toCharArray()));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-05T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
