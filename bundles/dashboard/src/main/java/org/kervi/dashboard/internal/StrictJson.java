package org.kervi.dashboard.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Request bodies as RFC 8259 JSON and nothing else: no comments, unquoted keys or single quotes, no NaN or
 * Infinity, nothing after the document, and no number a double cannot hold. Every refusal is a 400 that says why.
 */
final class StrictJson {
    private static final TypeAdapter<JsonElement> ELEMENTS = new Gson().getAdapter(JsonElement.class);
    /** Digits before the point beyond which a number is out of a double's range (about 1.8e308). */
    private static final int MAX_INTEGER_DIGITS = 309;

    private StrictJson() {}

    static JsonElement parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(64);
        JsonElement e;
        try {
            e = ELEMENTS.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new HttpError(400, "malformed JSON: more after the end of the document at "
                        + reader.getPath());
            }
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException x) {
            throw new HttpError(400, "malformed JSON: " + readable(rootMessage(x)));
        }
        requireRepresentableNumbers(e, "$");
        return e;
    }

    /** Refuses any number inside {@code e} that would become infinite (or is not a number at all). */
    static void requireRepresentableNumbers(JsonElement e, String where) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                finite(p, where);
            }
        } else if (e.isJsonArray()) {
            int i = 0;
            for (JsonElement item : e.getAsJsonArray()) {
                requireRepresentableNumbers(item, where + "[" + i++ + "]");
            }
        } else if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                requireRepresentableNumbers(m.getValue(), where + "." + m.getKey());
            }
        }
    }

    /** The number as a BigDecimal that fits a double; 400 otherwise. */
    static BigDecimal finite(JsonPrimitive p, String where) {
        String text = p.getAsString();
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new HttpError(400, where + ": " + WireValues.abbreviate(p) + " is not a number");
        }
        // precision - scale: digits before the point; computed without expanding 1e999999999
        long integerDigits = (long) d.precision() - d.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || Double.isInfinite(d.doubleValue())) {
            throw new HttpError(400, where + ": " + WireValues.abbreviate(p)
                    + " is out of range (numbers must fit a double, about ±1.8e308)");
        }
        return d;
    }

    /** Gson's text without its advice to programmers (the lenient mode, a troubleshooting link). */
    private static String readable(String gsonMessage) {
        String firstLine = gsonMessage.lines().findFirst().orElse(gsonMessage);
        return firstLine.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                "not strict JSON");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
