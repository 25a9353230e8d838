package org.kervi.itests.multi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The hub's framing seen from a test: a 4-byte big-endian length, then that many bytes of UTF-8 JSON. */
final class HubWire {
    /** Larger than any frame a hub may send (its maximum frame size is 1 MiB by default). */
    static final int MAX_INCOMING_BYTES = 16 * 1024 * 1024;

    private HubWire() {}

    static byte[] frame(JsonObject json) {
        return prefixed(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code payload} behind its true length. */
    static byte[] prefixed(byte[] payload) {
        return prefixed(payload.length, payload);
    }

    /** {@code payload} behind any length, true or not. */
    static byte[] prefixed(int length, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(length).put(payload).array();
    }

    static void send(OutputStream out, JsonObject json) throws IOException {
        out.write(frame(json));
        out.flush();
    }

    /**
     * The next frame from the hub, or null when it closed the connection between frames. A frame the hub should
     * never send (a length beyond {@link #MAX_INCOMING_BYTES}, a payload that is not a JSON object with a type) is
     * an {@link IOException} saying so.
     */
    static JsonObject read(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException closed) {
            return null;
        }
        if (length < 1 || length > MAX_INCOMING_BYTES) {
            throw new MalformedFrame("the hub sent a length prefix of " + length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        String text = new String(payload, StandardCharsets.UTF_8);
        try {
            JsonElement e = JsonParser.parseString(text);
            if (e.isJsonObject() && e.getAsJsonObject().has("t")) {
                return e.getAsJsonObject();
            }
        } catch (JsonParseException notJson) {
            // reported below
        }
        throw new MalformedFrame("the hub sent a frame that is not a JSON object with a type: "
                + text.substring(0, Math.min(200, text.length())));
    }

    /** A frame from the hub that breaks the protocol (not a closed or reset connection). */
    static final class MalformedFrame extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedFrame(String message) {
            super(message);
        }
    }
}
