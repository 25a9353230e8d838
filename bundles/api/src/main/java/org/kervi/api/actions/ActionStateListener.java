package org.kervi.api.actions;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every run of this instance's own actions as it is queued, starts and ends (whoever started it: this
 * instance, another one, the shell, a link, a schedule). The states of actions other instances own travel as the
 * values {@link ActionStateIds} names. Runs on the action's thread; keep it short.
 */
@ConsumerType
@FunctionalInterface
public interface ActionStateListener {
    void actionStateChanged(ActionStateChange change);
}
