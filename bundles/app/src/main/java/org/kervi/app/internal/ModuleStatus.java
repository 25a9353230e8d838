package org.kervi.app.internal;

import java.util.List;

/** A module as {@code kervi:modules} shows it. */
public record ModuleStatus(String name, String instance, String state, int pid, long uptimeMillis, int restarts,
        int sshPort, List<String> features, String error) {}
