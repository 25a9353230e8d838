package org.kervi.ipc.internal.tcp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys and proofs of the version 3 handshake (docs/ipc-protocol.md): instance keys derived from the master
 * secret, the hub's proof and the client's answer, each HMAC-SHA256 in Base64.
 */
public final class Hmac {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Hmac() {}

    static String nonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** K(inst): the key one instance of one application proves itself with, as UTF-8 of its Base64 text. */
    public static byte[] instanceKey(byte[] master, String applicationId, String instanceId) {
        return mac(master, "kervi-instance-key|" + applicationId + "|" + instanceId).getBytes(StandardCharsets.UTF_8);
    }

    /** What the hub sends to prove it knows K(inst) before the client answers anything. */
    static String hubProof(byte[] key, String app, String inst, String clientNonce, String hubNonce) {
        return mac(key, "hub|" + app + "|" + inst + "|" + clientNonce + "|" + hubNonce);
    }

    /** The client's answer, sent only after the hub's proof checked out. */
    static String clientMac(byte[] key, String app, String inst, String hubNonce, String clientNonce) {
        return mac(key, "client|" + app + "|" + inst + "|" + hubNonce + "|" + clientNonce);
    }

    /** Compares in constant time; a missing answer is wrong. */
    static boolean matches(String expected, String answer) {
        return answer != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                answer.getBytes(StandardCharsets.UTF_8));
    }

    static String mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
