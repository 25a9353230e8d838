package org.kervi.app.internal;

import java.util.List;

/**
 * One module as configured: the child instance's name, its features, JVM options, whether it runs an SSH server
 * and on which port (0 = automatic).
 */
record ModuleSpec(String name, List<String> features, String javaOpts, boolean ssh, int sshPort) {
    ModuleSpec {
        features = List.copyOf(features);
    }
}
