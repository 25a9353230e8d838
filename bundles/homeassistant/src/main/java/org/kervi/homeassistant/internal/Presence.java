package org.kervi.homeassistant.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which Kervi instances are present: those with at least one value or action in the application (exposed or not).
 * An instance that dies loses its ids with its IPC link, so it is seen gone as the transport sees it gone.
 * Confined to the bridge's thread.
 */
final class Presence {
    private final Map<String, Set<String>> idsByInstance = new HashMap<>();
    private final Map<String, Long> arrivedAtNanos = new HashMap<>();

    /** @return true when the instance was absent before */
    boolean add(String instanceId, String key) {
        Set<String> ids = idsByInstance.computeIfAbsent(instanceId, i -> new HashSet<>());
        boolean arrived = ids.isEmpty();
        ids.add(key);
        if (arrived) {
            arrivedAtNanos.put(instanceId, System.nanoTime());
        }
        return arrived;
    }

    /** @return true when the instance has no ids left */
    boolean remove(String instanceId, String key) {
        Set<String> ids = idsByInstance.get(instanceId);
        if (ids == null || !ids.remove(key)) {
            return false;
        }
        if (ids.isEmpty()) {
            idsByInstance.remove(instanceId);
            arrivedAtNanos.remove(instanceId);
            return true;
        }
        return false;
    }

    /** Present without a break for at least {@code time}: its ids have had time to come back. */
    boolean isPresentFor(String instanceId, java.time.Duration time) {
        Long since = arrivedAtNanos.get(instanceId);
        return since != null && System.nanoTime() - since >= time.toNanos();
    }

    Set<String> instances() {
        return Set.copyOf(idsByInstance.keySet());
    }

    static String valueKey(String id) {
        return "value:" + id;
    }

    static String actionKey(String id) {
        return "action:" + id;
    }
}
