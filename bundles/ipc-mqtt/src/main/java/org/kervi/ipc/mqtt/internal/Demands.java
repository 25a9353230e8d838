package org.kervi.ipc.mqtt.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Which value ids each other instance subscribed to by name (its retained {@code demand/<instance>} message,
 * docs/ipc-protocol.md): an owner sends every change of such an id, derived or not, and samples the derived
 * changes of the others.
 */
final class Demands {
    private final Map<String, Set<String>> byInstance = new ConcurrentHashMap<>();

    /** The payload naming {@code ids}; empty when there are none (clears the retained message). */
    static byte[] payload(Set<String> ids) {
        if (ids.isEmpty()) {
            return new byte[0];
        }
        JsonArray list = new JsonArray();
        ids.stream().sorted().forEach(list::add);
        JsonObject o = new JsonObject();
        o.add("ids", list);
        return Payloads.bytes(o);
    }

    /**
     * Takes an instance's demand message; returns the ids it names now (empty when cleared). An
     * {@link IllegalArgumentException} says what is wrong with it.
     */
    Set<String> arrived(String instance, byte[] payload) {
        if (payload.length == 0) {
            byInstance.remove(instance);
            return Set.of();
        }
        JsonElement ids = Payloads.object(payload).get("ids");
        if (ids == null || !ids.isJsonArray()) {
            throw new IllegalArgumentException("'ids' must be an array of value ids");
        }
        Set<String> named = new HashSet<>();
        for (JsonElement e : ids.getAsJsonArray()) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException("'ids' must be an array of value ids");
            }
            named.add(e.getAsString());
        }
        byInstance.put(instance, Set.copyOf(named));
        return named;
    }

    /** Whether an instance for which {@code present} holds named {@code id}. */
    boolean named(String id, Predicate<String> present) {
        for (Map.Entry<String, Set<String>> e : byInstance.entrySet()) {
            if (e.getValue().contains(id) && present.test(e.getKey())) {
                return true;
            }
        }
        return false;
    }
}
