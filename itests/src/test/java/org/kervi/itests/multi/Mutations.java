package org.kervi.itests.multi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile variants of valid input, drawn from one seeded {@link Random} so that a run can be replayed: JSON-level
 * mutations (a field's type swapped, removed or buried under deep nesting, huge strings and arrays) and byte-level
 * ones (bit flips, truncation, random bytes). Each returns what it did in {@link #last()} for the failure message.
 */
final class Mutations {
    private static final String[] HOSTILE_TEXT = {"", " ", "\u0000", "../../etc/passwd", "%2e%2e%2f", "<script>",
        "\uD800", "\uFFFF", "' OR 1=1 --", "${jndi:ldap://x}", "\u202Eevil", "*", "#", "a.b.c.", ".", "null",
        "NaN", "-Infinity", "1e999999999", "0x7fffffff"};

    /** Deeper nesting is written as text ({@link #deeplyNested}): Gson writes a tree recursively. */
    private static final int MAX_TREE_DEPTH = 1_000;

    private final Random random;
    private String last = "";

    Mutations(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    /** What the last mutation did. */
    String last() {
        return last;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** A copy of {@code valid} with one to three field-level mutations, at most about {@code budget} bytes big. */
    JsonObject mutate(JsonObject valid, int budget) {
        JsonObject copy = valid.deepCopy();
        StringBuilder what = new StringBuilder();
        int n = between(1, 3);
        for (int i = 0; i < n; i++) {
            List<String> fields = new ArrayList<>(copy.keySet());
            String field = fields.isEmpty() || random.nextInt(8) == 0 ? pick(HOSTILE_TEXT) + random.nextInt(9)
                    : pick(fields);
            switch (random.nextInt(6)) {
                case 0 -> {
                    copy.remove(field);
                    what.append("removed ").append(field);
                }
                case 1 -> {
                    JsonElement other = otherType(valid.get(field), budget);
                    copy.add(field, other);
                    what.append(field).append(" → ").append(abbreviate(other));
                }
                case 2 -> {
                    int depth = random.nextBoolean() ? between(2, 300) : between(300, MAX_TREE_DEPTH);
                    copy.add(field, nested(depth, copy.get(field)));
                    what.append(field).append(" nested ").append(depth).append(" deep");
                }
                case 3 -> {
                    int length = between(0, Math.max(1, budget));
                    copy.addProperty(field, text(length));
                    what.append(field).append(" = text of ").append(length);
                }
                case 4 -> {
                    int entries = between(0, Math.max(1, budget / 8));
                    copy.add(field, array(entries, valid.get(field)));
                    what.append(field).append(" = array of ").append(entries);
                }
                default -> {
                    String text = pick(HOSTILE_TEXT);
                    copy.addProperty(field, text);
                    what.append(field).append(" = \"").append(text).append('"');
                }
            }
            what.append("; ");
        }
        last = "mutated " + abbreviate(valid) + ": " + what;
        return copy;
    }

    /** Byte-level damage to an encoded payload. */
    byte[] damage(byte[] payload) {
        byte[] bytes = payload.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                int flips = between(1, 8);
                for (int i = 0; i < flips && bytes.length > 0; i++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                last = flips + " bit flips";
            }
            case 1 -> {
                int keep = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                bytes = Arrays.copyOf(bytes, keep);
                last = "truncated to " + keep + " of " + payload.length + " bytes";
            }
            case 2 -> {
                int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                byte[] noise = bytes(between(1, 64));
                byte[] joined = new byte[bytes.length + noise.length];
                System.arraycopy(bytes, 0, joined, 0, at);
                System.arraycopy(noise, 0, joined, at, noise.length);
                System.arraycopy(bytes, at, joined, at + noise.length, bytes.length - at);
                bytes = joined;
                last = noise.length + " random bytes inserted at " + at;
            }
            default -> {
                bytes = (new String(bytes, StandardCharsets.UTF_8) + pick(new String[] {"}", "{", ",", "]", "//x",
                    "/*", "\"", "\\"})).getBytes(StandardCharsets.UTF_8);
                last = "a stray character appended";
            }
        }
        return bytes;
    }

    /** A frame of {@code type} whose {@code field} is {@code depth} arrays or objects deep, as UTF-8 bytes. */
    byte[] deeplyNested(String type, String field, int depth) {
        boolean arrays = random.nextBoolean();
        String open = arrays ? "[" : "{\"x\":";
        String close = arrays ? "]" : "}";
        String text = "{\"t\":\"" + type + "\",\"" + field + "\":" + open.repeat(depth) + "1" + close.repeat(depth)
                + "}";
        last = type + " with '" + field + "' " + depth + (arrays ? " arrays" : " objects") + " deep";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A length prefix: true, off by a little, zero, negative or huge. */
    int lengthPrefix(int trueLength) {
        int[] odd = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x7FFF_FFF0, 1 << 20, (1 << 20) + 1, 1 << 30,
            1025, 2_000_000_000, trueLength + 1, Math.max(0, trueLength - 1), trueLength * 2};
        return random.nextInt(3) == 0 ? trueLength : pick(Arrays.stream(odd).boxed().toList());
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    String text(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            b.append(kind == 0 ? (char) random.nextInt(0x20) : kind == 1 ? (char) (0x80 + random.nextInt(0x700))
                    : (char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private JsonElement otherType(JsonElement was, int budget) {
        JsonElement[] options = {JsonNull.INSTANCE, new JsonPrimitive(random.nextBoolean()),
            new JsonPrimitive(random.nextLong()), new JsonPrimitive(random.nextDouble() * 1e300),
            new JsonPrimitive(pick(HOSTILE_TEXT)), new JsonObject(), new JsonArray(),
            array(between(1, Math.max(1, budget / 16)), was)};
        return pick(options);
    }

    private JsonElement nested(int depth, JsonElement inner) {
        JsonElement e = inner == null ? JsonNull.INSTANCE : inner;
        for (int i = 0; i < depth; i++) {
            if (random.nextBoolean()) {
                JsonArray a = new JsonArray();
                a.add(e);
                e = a;
            } else {
                JsonObject o = new JsonObject();
                o.add("x", e);
                e = o;
            }
        }
        return e;
    }

    /** {@code sample} is a field of the valid input (small), never a mutated one, so the array stays in budget. */
    private JsonArray array(int entries, JsonElement sample) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < entries; i++) {
            a.add(sample == null || random.nextInt(4) == 0 ? new JsonPrimitive("x" + i) : sample);
        }
        return a;
    }

    static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() <= 160 ? s : s.substring(0, 160) + "…(" + s.length() + " chars)";
    }
}
