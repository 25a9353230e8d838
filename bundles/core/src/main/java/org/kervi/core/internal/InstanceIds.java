package org.kervi.core.internal;

/** The instance id: configured, else the Karaf instance name, else "local". */
final class InstanceIds {
    private InstanceIds() {}

    static String resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        String karafName = System.getProperty("karaf.name");
        return karafName == null || karafName.isBlank() ? "local" : karafName;
    }
}
