package org.kervi.api.actionlinks;

/** Where an action link stands. */
public enum ActionLinkState {
    /** No value with the link's value id is known yet (or any more). */
    UNRESOLVED,
    /** Watching the value; the action is not running from this link. */
    WAITING,
    /** The action this link started is running. */
    RUNNING,
    /** The link's configuration was refused; {@link ActionLinkStatus#lastError()} says why. */
    INVALID;

    /** The lower-case form the shell shows. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
