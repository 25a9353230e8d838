package org.kervi.security.internal;

import java.util.Map;
import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;

/**
 * The {@code kervi} encryption of Karaf's JAAS realm ({@code encryption.name = kervi} in
 * {@code etc/org.apache.karaf.jaas.cfg}); {@code encryption.iterations} sets the PBKDF2 work factor of new hashes.
 */
final class Pbkdf2EncryptionService implements EncryptionService {
    static final String NAME = "kervi";
    static final String ITERATIONS = "iterations";

    @Override
    public Encryption createEncryption(Map<String, String> params) {
        String algorithm = params.get(EncryptionService.ALGORITHM);
        if (algorithm != null && !algorithm.isBlank() && !algorithm.trim().equalsIgnoreCase("pbkdf2")) {
            throw new IllegalArgumentException("the kervi encryption supports encryption.algorithm = pbkdf2 only, got '"
                    + algorithm + "'");
        }
        String iterations = params.get(ITERATIONS);
        try {
            return new Pbkdf2Encryption(iterations == null || iterations.isBlank()
                    ? Pbkdf2Encryption.DEFAULT_ITERATIONS : Integer.parseInt(iterations.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("encryption.iterations must be a whole number, got '" + iterations + "'");
        }
    }
}
