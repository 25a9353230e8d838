package org.kervi.ipc.mqtt.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The JSON payloads of the topic tree: parsing with a reason for every refusal, and writing. */
final class Payloads {
    private Payloads() {}

    /** The payload as one JSON object; an {@link IllegalArgumentException} says why not. */
    static JsonObject object(byte[] payload) {
        String text = utf8(payload);
        JsonElement e;
        try {
            e = JsonParser.parseString(text);
        } catch (JsonParseException | IllegalStateException ex) {
            throw new IllegalArgumentException("malformed JSON: " + ex.getMessage());
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(text));
        }
        return e.getAsJsonObject();
    }

    /** The payload as text; most are ASCII, which needs no decoder. */
    private static String utf8(byte[] payload) {
        for (byte b : payload) {
            if (b < 0) {
                try {
                    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload))
                            .toString();
                } catch (CharacterCodingException e) {
                    throw new IllegalArgumentException("not UTF-8 text");
                }
            }
        }
        return new String(payload, StandardCharsets.US_ASCII);
    }

    /** The events of a batch ({@code {"e":[{"id":…,"v":…,"ts":…},…]}}: a value stream's or a state digest's). */
    static JsonArray events(byte[] payload) {
        JsonElement e = object(payload).get("e");
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("'e' must be an array of value events");
        }
        return e.getAsJsonArray();
    }

    /** One event of a batch. */
    static JsonObject event(JsonElement e) {
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("a value event must be an object");
        }
        return e.getAsJsonObject();
    }

    static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("'" + name + "' must be a string");
        }
        return e.getAsString();
    }

    static String optionalText(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : text(o, name);
    }

    static long number(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("'" + name + "' must be a number");
        }
        return e.getAsLong();
    }

    static JsonObject child(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("'" + name + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    /** A value on the wire is a JSON scalar (number, boolean, string) or null. */
    static JsonElement scalar(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no '" + name + "'");
        }
        if (!e.isJsonNull() && !e.isJsonPrimitive()) {
            throw new IllegalArgumentException("'" + name + "' must be a number, boolean, string or null");
        }
        return e;
    }

    static byte[] bytes(JsonObject o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject of(String name, String value) {
        JsonObject o = new JsonObject();
        o.add(name, value == null ? com.google.gson.JsonNull.INSTANCE : new JsonPrimitive(value));
        return o;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
