package org.kervi.messaging.internal;

/** How one kind of channel delivers a message (SMTP, HTTP). */
interface Transport {
    /** Delivers {@code message} or throws with a message that says what went wrong (never a credential). */
    void send(ChannelMessage message) throws Exception;

    /** Where it sends, without credentials or secrets. */
    String target();
}
