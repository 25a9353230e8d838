package org.kervi.ipc.internal.tcp;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kervi.api.actions.ActionConcurrency;
import org.kervi.api.actions.ActionInfo;
import org.kervi.api.actions.ParameterInfo;
import org.kervi.api.values.ValueKind;
import org.kervi.api.values.ValueRole;
import org.kervi.ipc.api.ActionDescriptor;
import org.kervi.ipc.internal.DashboardLinksWire;
import org.kervi.ipc.api.ValueDescriptor;

/** Directory entries, arguments and results to and from JSON (off the hot path). */
public final class Json {
    private static final Gson GSON = new Gson();
    private static final Type ATTRIBUTES = new TypeToken<Map<String, Object>>() {}.getType();

    private Json() {}

    public static JsonObject toJson(ValueDescriptor d) {
        JsonObject o = new JsonObject();
        o.addProperty("id", d.id());
        o.addProperty("kind", d.kind().label());
        o.addProperty("role", d.role().label());
        o.addProperty("name", d.name());
        o.addProperty("component", d.componentId());
        o.add("attrs", GSON.toJsonTree(d.attributes()));
        return o;
    }

    public static ValueDescriptor valueFromJson(JsonElement e) throws ProtocolException {
        JsonObject o = Frame.object(e);
        try {
            Map<String, Object> attrs = o.has("attrs") ? GSON.fromJson(o.get("attrs"), ATTRIBUTES) : Map.of();
            return new ValueDescriptor(id(o), text(o, "name"), ValueKind.valueOf(upper(o, "kind")),
                    ValueRole.valueOf(upper(o, "role")), text(o, "component"), attrs == null ? Map.of() : attrs);
        } catch (RuntimeException ex) {
            throw new ProtocolException("malformed value entry " + o + ": " + ex.getMessage());
        }
    }

    public static JsonObject toJson(ActionDescriptor d) {
        JsonObject o = new JsonObject();
        o.addProperty("id", d.id());
        o.addProperty("name", d.name());
        o.addProperty("component", d.componentId());
        JsonArray params = new JsonArray();
        for (ParameterInfo p : d.parameters()) {
            JsonObject po = new JsonObject();
            po.addProperty("name", p.name());
            po.addProperty("type", p.type());
            params.add(po);
        }
        o.add("params", params);
        o.addProperty("returns", d.returnType());
        o.addProperty("confirm", d.confirm());
        o.addProperty("concurrency", d.concurrency().name());
        o.addProperty("timeout", d.timeout().toMillis());
        if (!d.dashboardLinks().isEmpty()) {
            o.add("dashboard", GSON.toJsonTree(DashboardLinksWire.toWire(d.dashboardLinks())));
        }
        if (!d.unit().isEmpty()) {
            o.addProperty("unit", d.unit());
        }
        if (d.decimals() >= 0) {
            o.addProperty("decimals", d.decimals());
        }
        return o;
    }

    public static ActionDescriptor actionFromJson(JsonElement e) throws ProtocolException {
        JsonObject o = Frame.object(e);
        try {
            List<ParameterInfo> params = new ArrayList<>();
            if (o.has("params")) {
                for (JsonElement p : o.getAsJsonArray("params")) {
                    JsonObject po = p.getAsJsonObject();
                    params.add(new ParameterInfo(text(po, "name"), text(po, "type")));
                }
            }
            String concurrency = text(o, "concurrency");
            return new ActionDescriptor(id(o), text(o, "name"), text(o, "component"), params, text(o, "returns"),
                    text(o, "confirm"), concurrency == null ? null : ActionConcurrency.valueOf(concurrency),
                    o.has("timeout") ? Duration.ofMillis(o.get("timeout").getAsLong()) : null,
                    o.has("dashboard") ? DashboardLinksWire.fromWire(GSON.fromJson(o.get("dashboard"), Object.class))
                            : List.of(), text(o, "unit"), decimals(o));
        } catch (RuntimeException ex) {
            throw new ProtocolException("malformed action entry " + o + ": " + ex.getMessage());
        }
    }

    /** The decimals of an action's result: absent (an older peer) or out of 0..15 means "as returned". */
    private static int decimals(JsonObject o) {
        JsonElement e = o.get("decimals");
        if (e == null || e.isJsonNull()) {
            return -1;
        }
        int decimals = e.getAsInt();
        return decimals >= 0 && decimals <= ActionInfo.MAX_DECIMALS ? decimals : -1;
    }

    static String id(JsonObject o) throws ProtocolException {
        String id = text(o, "id");
        if (id == null || !org.kervi.api.Ids.isValid(id)) {
            throw new ProtocolException("entry without a valid id: " + o);
        }
        return id;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static String upper(JsonObject o, String name) {
        String t = text(o, name);
        if (t == null) {
            throw new IllegalArgumentException("no '" + name + "'");
        }
        return t.toUpperCase(Locale.ROOT);
    }

    /** Call arguments as JSON; Gson writes what it can (scalars, collections, maps, records of them). */
    public static JsonArray args(List<?> args) {
        JsonArray a = new JsonArray();
        if (args != null) {
            for (Object arg : args) {
                a.add(tree(arg));
            }
        }
        return a;
    }

    public static JsonElement tree(Object o) {
        if (o == null) {
            return JsonNull.INSTANCE;
        }
        if (o instanceof JsonElement e) {
            return e;
        }
        if (o instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (o instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (o instanceof CharSequence || o instanceof Enum<?>) {
            return new JsonPrimitive(o.toString());
        }
        return GSON.toJsonTree(o);
    }

    /** JSON back to Java: scalars as String, Boolean, Long or Double; objects and arrays stay JSON elements. */
    public static Object plain(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                return FrameCodec.number(p.getAsString());
            }
            return p.getAsString();
        }
        return e;
    }

    public static List<Object> plainList(JsonArray a) {
        List<Object> list = new ArrayList<>();
        if (a != null) {
            a.forEach(e -> list.add(plain(e)));
        }
        return list;
    }
}
