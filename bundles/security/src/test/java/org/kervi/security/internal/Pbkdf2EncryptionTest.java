package org.kervi.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Pbkdf2EncryptionTest {
    private final Pbkdf2Encryption encryption = new Pbkdf2Encryption(20_000);

    @Test
    void aHashChecksItsPasswordOnly() {
        String hash = encryption.encryptPassword("correct horse");
        assertTrue(hash.startsWith("pbkdf2-sha512$20000$"), hash);
        assertFalse(hash.contains("correct horse"));
        assertTrue(encryption.checkPassword("correct horse", hash));
        assertTrue(encryption.checkPassword("correct horse", Hashes.mark(hash)), "Karaf's {CRYPT} marks are ignored");
        assertFalse(encryption.checkPassword("correct horsf", hash));
        assertFalse(encryption.checkPassword("", hash));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(encryption.encryptPassword("same"), encryption.encryptPassword("same"));
    }

    @Test
    void iterationsComeFromTheStoredHash() {
        String older = new Pbkdf2Encryption(10_000).encryptPassword("pw");
        assertTrue(encryption.checkPassword("pw", older));
    }

    @Test
    void foreignOrBrokenHashesNeverMatch() {
        assertFalse(encryption.checkPassword("karaf", "karaf"), "plain text");
        assertFalse(encryption.checkPassword("karaf",
                "{CRYPT}fec4a9e5a7b9f7a3b5d9f8b1c2f2a1bd1c6e5b0a4b5f3a2d6e7c8b9a0d1e2f3a{CRYPT}"), "Karaf's basic SHA-256");
        assertFalse(encryption.checkPassword("pw", "pbkdf2-sha512$x$AAAA$AAAA"));
        assertFalse(encryption.checkPassword("pw", "pbkdf2-sha512$1000$!!$AAAA"));
        assertFalse(encryption.checkPassword(null, encryption.encryptPassword("pw")));
    }

    @Test
    void theServiceReadsItsOptionsAndRefusesOthers() {
        Pbkdf2EncryptionService service = new Pbkdf2EncryptionService();
        String hash = service.createEncryption(Map.of("iterations", "12000", "algorithm", "pbkdf2"))
                .encryptPassword("pw");
        assertEquals("12000", hash.split("\\$")[1]);
        assertTrue(service.createEncryption(Map.of()).encryptPassword("pw").contains("$210000$"));
        IllegalArgumentException sha = assertThrows(IllegalArgumentException.class,
                () -> service.createEncryption(Map.of("algorithm", "SHA-256")));
        assertTrue(sha.getMessage().contains("SHA-256"), sha.getMessage());
        assertThrows(IllegalArgumentException.class, () -> service.createEncryption(Map.of("iterations", "many")));
        assertThrows(IllegalArgumentException.class, () -> service.createEncryption(Map.of("iterations", "100")));
    }
}
