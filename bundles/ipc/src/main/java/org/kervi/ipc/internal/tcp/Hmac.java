package org.kervi.ipc.internal.tcp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The challenge/response of the handshake: HMAC-SHA256(secret, nonce + "|" + instance), Base64. */
final class Hmac {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Hmac() {}

    static String nonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String response(byte[] secret, String nonce, String instance) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((nonce + "|" + instance).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static boolean verify(byte[] secret, String nonce, String instance, String answer) {
        if (answer == null) {
            return false;
        }
        byte[] expected = response(secret, nonce, instance).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, answer.getBytes(StandardCharsets.UTF_8));
    }
}
