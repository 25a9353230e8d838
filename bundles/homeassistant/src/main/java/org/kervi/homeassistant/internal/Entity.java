package org.kervi.homeassistant.internal;

/**
 * A Kervi value or action as a Home Assistant entity: its component, its object id in the topics and the instance
 * (device) that owns it.
 */
record Entity(String kerviId, EntityComponent component, String objectId, String instanceId, boolean action) {
    /** Letters, digits, _ and - (what Home Assistant allows in an object id); Kervi's dots and colons become _. */
    static String objectIdOf(String kerviId) {
        return kerviId.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
