package org.kervi.ipc.internal.tcp;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the JSON payload of a frame with Gson's streaming reader and writer: no reflection, one
 * pass. The 4-byte length prefix is written and checked by {@link Connection}.
 */
public final class FrameCodec {
    private static final Gson GSON = new Gson();
    /**
     * The largest batch of value events a wire writes; every wire accepts frames of this size once the handshake is
     * done, whatever its {@code maxFrameBytes}.
     */
    static final int MAX_BATCH_BYTES = 16 * 1024;

    private FrameCodec() {}

    static byte[] encode(Frame f) {
        StringWriter text = new StringWriter(96);
        try (JsonWriter w = new JsonWriter(text)) {
            w.setSerializeNulls(false);
            w.beginObject();
            w.name("t").value(f.type);
            string(w, "id", f.id);
            if (f.value != null || Frame.VALUE.equals(f.type) || Frame.WRITE.equals(f.type)) {
                w.name("val");
                scalar(w, f.value);
            }
            if (f.ts != 0) {
                w.name("ts").value(f.ts);
            }
            if (f.cid != 0) {
                w.name("cid").value(f.cid);
            }
            if (f.version != 0) {
                w.name("v").value(f.version);
            }
            string(w, "app", f.app);
            string(w, "inst", f.instance);
            string(w, "owner", f.owner);
            string(w, "nonce", f.nonce);
            string(w, "mac", f.mac);
            string(w, "proof", f.proof);
            string(w, "code", f.code);
            string(w, "msg", f.message);
            string(w, "etype", f.errorType);
            if (f.timeout != 0) {
                w.name("timeout").value(f.timeout);
            }
            string(w, "run", f.run);
            if (f.ids != null) {
                w.name("ids").beginArray();
                for (String id : f.ids) {
                    w.value(id);
                }
                w.endArray();
            }
            element(w, "args", f.args);
            element(w, "result", f.result);
            element(w, "values", f.values);
            element(w, "actions", f.actions);
            w.endObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + f + ": " + e.getMessage(), e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void string(JsonWriter w, String name, String v) throws IOException {
        if (v != null) {
            w.name(name).value(v);
        }
    }

    private static void element(JsonWriter w, String name, JsonElement e) throws IOException {
        if (e != null) {
            w.name(name);
            GSON.toJson(e, w);
        }
    }

    private static void scalar(JsonWriter w, Object v) throws IOException {
        if (v == null) {
            w.nullValue();
        } else if (v instanceof Double d) {
            w.value(d.doubleValue());
        } else if (v instanceof Number n) {
            w.value(n);
        } else if (v instanceof Boolean b) {
            w.value(b.booleanValue());
        } else if (v instanceof String s) {
            w.value(s);
        } else if (v instanceof JsonElement e) {
            GSON.toJson(e, w);
        } else {
            w.value(v.toString());
        }
    }

    /** Decodes one payload; anything that is not a well-formed envelope is a {@link ProtocolException}. */
    static Frame decode(byte[] payload) throws ProtocolException {
        try {
            JsonReader r = reader(payload);
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                throw new ProtocolException("malformed frame: expected a JSON object, got " + r.peek());
            }
            Frame f = readObject(r);
            endOfPayload(r);
            return f;
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ProtocolException("malformed frame: " + e.getMessage());
        }
    }

    /** Takes the frames of one payload, one at a time. */
    interface FrameSink {
        void accept(Frame frame) throws ProtocolException;
    }

    /**
     * Decodes a payload that is one frame or (since version 4) a batch: a JSON array of {@code value} frames, each
     * handed to {@code sink} in order. A single frame keeps its payload, so that forwarding it costs no encoding.
     */
    static void decodeEach(byte[] payload, FrameSink sink) throws ProtocolException {
        if (payload.length == 0 || payload[0] != '[') {
            Frame f = decode(payload);
            f.received(payload);
            sink.accept(f);
            return;
        }
        List<Frame> batch = new ArrayList<>();
        try {
            JsonReader r = reader(payload);
            r.beginArray();
            while (r.hasNext()) {
                if (r.peek() != JsonToken.BEGIN_OBJECT) {
                    throw new ProtocolException("malformed frame: a batch holds JSON objects, not " + r.peek());
                }
                Frame f = readObject(r);
                if (!Frame.VALUE.equals(f.type)) {
                    throw new ProtocolException("malformed frame: a batch holds 'value' frames only, not '"
                            + f.type + "'");
                }
                batch.add(f);
            }
            r.endArray();
            endOfPayload(r);
        } catch (ProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ProtocolException("malformed frame: " + e.getMessage());
        }
        if (batch.isEmpty()) {
            throw new ProtocolException("malformed frame: an empty batch");
        }
        for (Frame f : batch) {
            sink.accept(f);
        }
    }

    private static JsonReader reader(byte[] payload) {
        JsonReader r = new JsonReader(new StringReader(new String(payload, StandardCharsets.UTF_8)));
        r.setStrictness(Strictness.STRICT);
        return r;
    }

    private static void endOfPayload(JsonReader r) throws IOException, ProtocolException {
        if (r.peek() != JsonToken.END_DOCUMENT) {
            throw new ProtocolException("malformed frame: data after the JSON object");
        }
    }

    /**
     * One envelope. The type comes first from every Kervi encoder, so the frame is built typed at once; a peer that
     * puts it elsewhere gets its fields collected in a typeless frame and copied into the typed one at the end.
     */
    private static Frame readObject(JsonReader r) throws IOException, ProtocolException {
        r.beginObject();
        String type = null;
        Frame f;
        if (r.hasNext()) {
            String name = r.nextName();
            if (name.equals("t")) {
                type = r.nextString();
                f = new Frame(type);
            } else {
                f = new Frame("?");
                field(f, name, r);
            }
        } else {
            f = new Frame("?");
        }
        while (r.hasNext()) {
            String name = r.nextName();
            if (name.equals("t")) {
                type = r.nextString();
            } else {
                field(f, name, r);
            }
        }
        r.endObject();
        if (type == null || type.isEmpty()) {
            throw new ProtocolException("malformed frame: no type ('t')");
        }
        return type.equals(f.type) ? f : Frame.copy(type, f);
    }

    private static void field(Frame f, String name, JsonReader r) throws IOException {
        switch (name) {
            case "id" -> f.id = r.nextString();
            case "val" -> f.value = readScalar(r);
            case "ts" -> f.ts = r.nextLong();
            case "cid" -> f.cid = r.nextLong();
            case "v" -> f.version = r.nextInt();
            case "app" -> f.app = r.nextString();
            case "inst" -> f.instance = r.nextString();
            case "owner" -> f.owner = r.nextString();
            case "nonce" -> f.nonce = r.nextString();
            case "mac" -> f.mac = r.nextString();
            case "proof" -> f.proof = r.nextString();
            case "code" -> f.code = r.nextString();
            case "msg" -> f.message = r.nextString();
            case "etype" -> f.errorType = r.nextString();
            case "timeout" -> f.timeout = r.nextLong();
            case "run" -> f.run = r.nextString();
            case "ids" -> f.ids = readStrings(r);
            case "args" -> f.args = array(JsonParser.parseReader(r), name);
            case "result" -> f.result = JsonParser.parseReader(r);
            case "values" -> f.values = array(JsonParser.parseReader(r), name);
            case "actions" -> f.actions = array(JsonParser.parseReader(r), name);
            default -> r.skipValue();
        }
    }

    private static JsonArray array(JsonElement e, String name) {
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException("'" + name + "' must be an array");
        }
        return e.getAsJsonArray();
    }

    private static List<String> readStrings(JsonReader r) throws IOException {
        List<String> list = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
            list.add(r.nextString());
        }
        r.endArray();
        return list;
    }

    private static Object readScalar(JsonReader r) throws IOException {
        switch (r.peek()) {
            case STRING:
                return r.nextString();
            case NUMBER:
                return number(r.nextString());
            case BOOLEAN:
                return r.nextBoolean();
            case NULL:
                r.nextNull();
                return null;
            default:
                return JsonParser.parseReader(r);
        }
    }

    /** A JSON number as Long when written without fraction or exponent, else Double. */
    static Number number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                // fall through
            }
        }
        return Double.parseDouble(text);
    }
}
