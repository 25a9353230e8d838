package org.kervi.dashboard.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.Color;
import org.kervi.api.values.Value;

/** Values as the API shows them: states as JSON scalars, metadata as objects (see docs/dashboard-api.md). */
final class WireValues {
    static final Gson GSON = new Gson();

    private WireValues() {}

    /** A state: numbers, booleans, text and enum keys as they are, instants as ISO-8601, colors as #rrggbb. */
    static JsonElement state(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? new JsonPrimitive(n) : new JsonPrimitive(Double.toString(d));
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Instant instant) {
            return new JsonPrimitive(instant.toString());
        }
        if (v instanceof Color color) {
            return new JsonPrimitive(color.hex());
        }
        return new JsonPrimitive(v.toString());
    }

    /** {@code {"id":…,"value":…,"changedAt":…}}. */
    static JsonObject current(Value<?> v) {
        JsonObject o = new JsonObject();
        o.addProperty("id", v.id());
        o.add("value", v.hasFired() ? state(v.get()) : JsonNull.INSTANCE);
        o.addProperty("changedAt", v.changedAtMillis());
        return o;
    }

    /** An entry of the stream: {@code {"id":…,"v":…,"t":…}}. */
    static JsonObject event(String id, JsonElement state, long timestampMillis) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.add("v", state);
        o.addProperty("t", timestampMillis);
        return o;
    }

    /** Fields of a value's description the server fills in: a value's attributes never replace them. */
    static final java.util.Set<String> SERVER_FIELDS = java.util.Set.of("id", "name", "type", "role", "writable",
            "owner", "component", "value", "changedAt", "kind", Value.LINKED_TO, "dashboard");

    /**
     * Everything the UI needs to draw a value: kind, role, owner, type attributes and the current state. Attributes
     * come from the value's owner, possibly a remote instance: those named like a field the server fills in are
     * left out.
     */
    static JsonObject describe(ValueEntry entry) {
        Value<?> v = entry.value();
        JsonObject o = new JsonObject();
        o.addProperty("id", v.id());
        o.addProperty("name", v.name());
        o.addProperty("type", v.kind().name().toLowerCase(Locale.ROOT));
        o.addProperty("role", v.role().name().toLowerCase(Locale.ROOT));
        o.addProperty("writable", v.role().writableFromOutside());
        o.addProperty("owner", entry.owner());
        o.addProperty("component", entry.componentId() == null ? "" : entry.componentId());
        for (Map.Entry<String, Object> a : v.attributes().entrySet()) {
            if (!SERVER_FIELDS.contains(a.getKey())) {
                o.add(a.getKey(), GSON.toJsonTree(a.getValue()));
            }
        }
        o.add("value", v.hasFired() ? state(v.get()) : JsonNull.INSTANCE);
        o.addProperty("changedAt", v.changedAtMillis());
        return o;
    }

    /** A request's JSON scalar as the Java value the registry converts: Boolean, Long, Double or String. */
    static Object raw(JsonElement e, String what) {
        if (e == null || e.isJsonNull()) {
            throw new HttpError(400, what + ": null is not a value");
        }
        if (!e.isJsonPrimitive()) {
            throw new HttpError(400, what + ": expected a number, boolean or text, got " + abbreviate(e));
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isNumber()) {
            BigDecimal d = StrictJson.finite(p, what);
            if (d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                return d.longValueExact();
            }
            if (p.getAsString().matches("-?\\d+")) {
                throw new HttpError(400, what + ": " + abbreviate(p) + " is out of range (whole numbers must fit "
                        + "a 64-bit integer; write a larger number with an exponent, e.g. 1e20)");
            }
            return d.doubleValue();
        }
        return p.getAsString();
    }

    static String abbreviate(JsonElement e) {
        String s = e.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
