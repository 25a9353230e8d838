package org.kervi.app.internal;

import java.nio.file.Path;
import java.util.Optional;

/** Where one run of a module lives: a child instance's JVM, or the root instance ({@link Isolation}). */
interface ModuleHome {
    /** What {@code kervi:modules} shows as the module's instance. */
    String where();

    /** The pid of the JVM the module runs in; 0 when it has none. */
    int pid();

    /** Whether the module's home is still there (its JVM alive, or its features in the root). */
    boolean alive();

    /** Why the home went away by itself, when it knows better than "the process exited". */
    Optional<String> failure();

    /** The SSH port of the module's own instance; 0 when it has none. */
    int sshPort();

    /** Ends the module there in an orderly way, forcibly after the grace period. */
    void stop(int graceSeconds);

    /** Ends the module there at once (a frozen module, a failed start). */
    void kill(int waitSeconds);

    /** The log that holds the module's own lines, when it has one of its own. */
    Optional<Path> log();
}
