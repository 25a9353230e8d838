package org.kervi.shell.internal;

import java.util.Set;

/**
 * How an instance came into the application, as {@code kervi:instances} shows it: the root (it runs the
 * application), spawned (a module instance the root's supervisor started), or joined (started elsewhere, an
 * operator's module on another machine, linked through the same hub or broker). Only the root can tell spawned
 * from joined; elsewhere other instances show as {@link #LINKED}.
 */
enum InstanceOrigin {
    ROOT("root"), SPAWNED("spawned"), JOINED("joined"), THIS("this instance"), LINKED("linked");

    private final String label;

    InstanceOrigin(String label) {
        this.label = label;
    }

    /**
     * @param moduleNames the application's modules when this instance is the root, null elsewhere
     */
    static InstanceOrigin of(String instanceId, String thisInstance, Set<String> moduleNames) {
        boolean self = instanceId.equals(thisInstance);
        if (moduleNames == null) {
            return self ? THIS : LINKED;
        }
        if (self) {
            return ROOT;
        }
        return moduleNames.contains(instanceId) ? SPAWNED : JOINED;
    }

    @Override
    public String toString() {
        return label;
    }
}
