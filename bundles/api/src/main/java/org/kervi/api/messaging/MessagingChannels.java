package org.kervi.api.messaging;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The messaging channels configured in this instance, a service of the {@code kervi-messaging} bundle. */
@ProviderType
public interface MessagingChannels {
    /** Every configured channel, refused configurations included (with their error), ordered by id. */
    List<ChannelStatus> channels();

    /**
     * Sends a test message through channel {@code id} now, past its level, source filter and rate limit, and waits
     * for the outcome.
     *
     * @return what was sent where, in one line
     * @throws IllegalArgumentException no channel has this id (the message names the ids there are)
     * @throws IllegalStateException the channel's configuration was refused, or sending failed (the message says why)
     */
    String sendTest(String id);
}
