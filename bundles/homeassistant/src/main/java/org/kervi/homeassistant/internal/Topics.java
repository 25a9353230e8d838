package org.kervi.homeassistant.internal;

/** Every topic this bundle publishes to or listens on, from the settings. */
final class Topics {
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";

    private final String discoveryPrefix;
    private final String nodeId;
    private final String base;

    Topics(HomeAssistantSettings s) {
        this.discoveryPrefix = s.discoveryPrefix();
        this.nodeId = s.nodeId();
        this.base = s.statePrefix() + "/" + s.nodeId();
    }

    String nodeId() {
        return nodeId;
    }

    /** {@code <discovery prefix>/<component>/<node>/<object>/config}. */
    String config(EntityComponent component, String objectId) {
        return discoveryPrefix + "/" + component.key() + "/" + nodeId + "/" + objectId + "/config";
    }

    /** Every config of this node (retained ones arrive at subscribe time). */
    String allConfigs() {
        return discoveryPrefix + "/+/" + nodeId + "/+/config";
    }

    /** Where Home Assistant announces itself: {@code online} after it (re)started. */
    String homeAssistantStatus() {
        return discoveryPrefix + "/status";
    }

    String state(String objectId) {
        return base + "/" + objectId + "/state";
    }

    String command(String objectId) {
        return base + "/" + objectId + "/set";
    }

    String allCommands() {
        return base + "/+/set";
    }

    /** The object of a command topic, null for any other topic. */
    String commandObject(String topic) {
        String prefix = base + "/";
        if (topic.startsWith(prefix) && topic.endsWith("/set")) {
            String object = topic.substring(prefix.length(), topic.length() - "/set".length());
            return object.contains("/") ? null : object;
        }
        return null;
    }

    /** This bundle's own availability: {@code offline} as its last will and when it stops. */
    String bridgeAvailability() {
        return base + "/availability";
    }

    /** An instance's availability: {@code online} while it has ids in the application. */
    String instanceAvailability(String instanceId) {
        return base + "/instance/" + instanceId + "/availability";
    }

    /** A device's identifier, unique on the broker. */
    String deviceIdentifier(String instanceId) {
        return "kervi_" + nodeId + "_" + instanceId;
    }

    /** The instance of a {@link #deviceIdentifier}, null when it is not one of this node's. */
    String instanceOfDevice(String identifier) {
        String prefix = "kervi_" + nodeId + "_";
        return identifier != null && identifier.startsWith(prefix) ? identifier.substring(prefix.length()) : null;
    }

    String uniqueId(String objectId) {
        return "kervi_" + nodeId + "_" + objectId;
    }
}
