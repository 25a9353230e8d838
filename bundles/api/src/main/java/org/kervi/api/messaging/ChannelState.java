package org.kervi.api.messaging;

/** Whether a channel can send. */
public enum ChannelState {
    /** Configured and sending; a failed message shows in the counts and the last error, not here. */
    READY,
    /** Its configuration was refused: the last error says which field and why; it sends nothing. */
    REFUSED
}
