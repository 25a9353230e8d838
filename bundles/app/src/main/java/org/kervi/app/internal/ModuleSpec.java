package org.kervi.app.internal;

import java.util.List;

/** One module as configured: the child instance's name, its features, JVM options and SSH port (0 = automatic). */
record ModuleSpec(String name, List<String> features, String javaOpts, int sshPort) {
    ModuleSpec {
        features = List.copyOf(features);
    }
}
