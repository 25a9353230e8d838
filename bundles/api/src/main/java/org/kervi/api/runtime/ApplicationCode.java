package org.kervi.api.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An application's own code, registered as an OSGi service in the root instance
 * ({@code @Component(service = ApplicationCode.class)}). The application supervisor calls it on one thread of its
 * own, one callback at a time, in this order of life:
 *
 * <ol>
 * <li>{@link #appMain()} once every module has reported ready (or the startup timeout passed) — Kervi's
 * {@code app_main};</li>
 * <li>{@link #moduleLost} when a module that was serving stops serving: its instance exited or was killed, it
 * stopped answering the supervisor's heartbeat, or an operator stopped or restarted it;</li>
 * <li>{@link #moduleReady} when a module serves again after that (restarted, or answering again), or reports ready
 * for the first time after {@code appMain} ran. Values the module declared with
 * {@link org.kervi.api.values.Value#persist()} hold their last values again before this is called. Re-apply here
 * whatever the application had asked of the module (switch a controller back on);</li>
 * <li>{@link #appExit()} before the modules stop — Kervi's {@code app_exit}.</li>
 * </ol>
 *
 * A callback that throws is logged with its module and the application goes on. A callback that blocks delays the
 * ones after it, not the supervision of the modules.
 */
@ConsumerType
public interface ApplicationCode {

    /** Runs once when the application is ready. */
    default void appMain() throws Exception {}

    /** Runs once before the modules stop. */
    default void appExit() throws Exception {}

    /** Module {@code module} serves again, or for the first time after {@link #appMain()}. */
    default void moduleReady(String module) throws Exception {}

    /** Module {@code module} no longer serves; {@code state} says why (e.g. restarting, unresponsive, stopped). */
    default void moduleLost(String module, ModuleState state) throws Exception {}
}
