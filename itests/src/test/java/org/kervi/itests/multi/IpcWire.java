package org.kervi.itests.multi;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The IPC wire as an outsider speaks it, written from docs/ipc-protocol.md and not from the product's code: 4-byte
 * big-endian length + a JSON object per frame, and the version 3 handshake's HMACs.
 */
final class IpcWire {
    private static final SecureRandom RANDOM = new SecureRandom();

    private IpcWire() {}

    static void write(DataOutputStream out, JsonObject frame) throws IOException {
        byte[] payload = frame.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /** One frame, refusing a length over {@code max} before reading it. */
    static JsonObject read(DataInputStream in, int max) throws IOException {
        int length = in.readInt();
        if (length <= 0 || length > max) {
            throw new IOException("frame length " + length + " is out of 1.." + max);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return JsonParser.parseString(new String(payload, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    static JsonObject frame(String type) {
        JsonObject f = new JsonObject();
        f.addProperty("t", type);
        return f;
    }

    static String nonce() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** HMAC-SHA256 of {@code text} with the key bytes, Base64. */
    static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
