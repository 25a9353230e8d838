package org.kervi.app.internal;

import java.util.List;

/**
 * One module as configured: the child instance's name, its features, JVM options, whether it runs an SSH server
 * and on which port (0 = automatic), and where it runs (the last three apply to a child instance only).
 */
record ModuleSpec(String name, List<String> features, String javaOpts, boolean ssh, int sshPort,
        Isolation isolation) {
    ModuleSpec {
        features = List.copyOf(features);
    }

    ModuleSpec(String name, List<String> features, String javaOpts, boolean ssh, int sshPort) {
        this(name, features, javaOpts, ssh, sshPort, Isolation.PROCESS);
    }
}
