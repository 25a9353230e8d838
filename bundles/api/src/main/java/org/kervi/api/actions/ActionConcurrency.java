package org.kervi.api.actions;

/** What happens when an action is called while it is already running. */
public enum ActionConcurrency {
    /** Calls wait their turn; one runs at a time (the default, as in Kervi). */
    SERIAL,
    /** A call while one runs fails at once with {@link ActionError#BUSY}. */
    REJECT,
    /** Calls run side by side. */
    PARALLEL
}
