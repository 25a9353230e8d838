package org.kervi.itests.multi;

import com.google.gson.JsonObject;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The client's side of the IPC handshake, protocol version 3 (docs/ipc-protocol.md), written from the spec and
 * not from the bundle's code: the one class to change when the handshake changes.
 *
 * <pre>
 * K(inst) = Base64(HMAC-SHA256(master, "kervi-instance-key|" + app + "|" + inst)), used as the key bytes (UTF-8)
 * → {"t":"hello","v":3,"app":A,"inst":I,"nonce":CN}
 * ← {"t":"challenge","nonce":SN,"proof":Base64 HMAC(K, "hub|"+A+"|"+I+"|"+CN+"|"+SN)}
 * → {"t":"auth","mac":Base64 HMAC(K, "client|"+A+"|"+I+"|"+SN+"|"+CN)}
 * ← {"t":"welcome","inst":hub}
 * </pre>
 */
final class HubHandshake {
    static final int VERSION = 3;

    private final String master;
    private final String app;

    HubHandshake(String master, String app) {
        this.master = master;
        this.app = app;
    }

    String app() {
        return app;
    }

    /** A hello of this application as {@code inst}, with a fresh client nonce. */
    JsonObject hello(String inst) {
        JsonObject hello = new JsonObject();
        hello.addProperty("t", "hello");
        hello.addProperty("v", VERSION);
        hello.addProperty("app", app);
        hello.addProperty("inst", inst);
        hello.addProperty("nonce", IpcWire.nonce());
        return hello;
    }

    /** The auth frame of a correct client that said {@code hello} and got {@code challenge}. */
    JsonObject auth(JsonObject hello, JsonObject challenge) {
        String inst = hello.get("inst").getAsString();
        String clientNonce = hello.get("nonce").getAsString();
        String hubNonce = challenge.get("nonce").getAsString();
        JsonObject auth = new JsonObject();
        auth.addProperty("t", "auth");
        auth.addProperty("mac", mac(inst, "client|" + app + "|" + inst + "|" + hubNonce + "|" + clientNonce));
        return auth;
    }

    /** Whether the challenge proves that the hub knows {@code inst}'s key. */
    boolean hubProved(JsonObject hello, JsonObject challenge) {
        if (!challenge.has("nonce") || !challenge.has("proof")) {
            return false;
        }
        String inst = hello.get("inst").getAsString();
        String expected = mac(inst, "hub|" + app + "|" + inst + "|" + hello.get("nonce").getAsString() + "|"
                + challenge.get("nonce").getAsString());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                challenge.get("proof").getAsString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Completes the handshake as {@code inst} on a connected socket; returns the welcome frame, or throws with what
     * the hub answered instead.
     */
    JsonObject authenticate(Socket socket, String inst) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        JsonObject hello = hello(inst);
        HubWire.send(out, hello);
        JsonObject challenge = expect(HubWire.read(in), "challenge");
        if (!hubProved(hello, challenge)) {
            throw new IOException("the hub's challenge does not prove the key: " + challenge);
        }
        HubWire.send(out, auth(hello, challenge));
        return expect(HubWire.read(in), "welcome");
    }

    private static JsonObject expect(JsonObject frame, String type) throws IOException {
        if (frame == null || !frame.has("t") || !type.equals(frame.get("t").getAsString())) {
            throw new Refused(type, frame);
        }
        return frame;
    }

    /** The instance key K(inst) that the root derives from the master secret. */
    String instanceKey(String inst) {
        return IpcWire.hmac(master.trim().getBytes(StandardCharsets.UTF_8), "kervi-instance-key|" + app + "|" + inst);
    }

    private String mac(String inst, String text) {
        return IpcWire.hmac(instanceKey(inst).getBytes(StandardCharsets.UTF_8), text);
    }

    /** The hub answered a step of the handshake with something else (an error frame, or it closed). */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String expected, JsonObject got) {
            super("expected '" + expected + "', the hub " + (got == null ? "closed the connection" : "sent " + got));
        }
    }
}
