package org.kervi.app.internal;

/** Where a module is in its life, as {@code kervi:modules} shows it. */
enum ModuleState {
    /** Its configuration is wrong; it is not started (see the error). */
    INVALID,
    /** Its instance process is starting; it has not reported ready yet. */
    STARTING,
    /** Running and started by the application. */
    RUNNING,
    /** Its process died or never reported; a restart is scheduled. */
    RESTARTING,
    /** Could not be started (see the error); retried with backoff. */
    FAILED,
    /** Stopped on purpose (kervi:module-stop or application exit). */
    STOPPED;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
