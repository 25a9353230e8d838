package org.kervi.api.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * One channel as the shell shows it.
 *
 * @param kind {@code email} or {@code webhook}
 * @param pid the configuration it comes from
 * @param target where it sends, without credentials or secrets
 * @param filter the entries it takes, e.g. {@code WARNING+ from fan.*}
 * @param sent messages delivered, summaries and tests included
 * @param failed messages that could not be delivered
 * @param suppressed entries held back by the rate limit (each reported in a summary message)
 * @param lastError the latest failure or the refused configuration's problem; empty when none
 * @param lastErrorTime when {@code lastError} happened; null when none
 */
public record ChannelStatus(String id, String kind, String pid, ChannelState state, String target, String filter,
        String rateLimit, long sent, long failed, long suppressed, String lastError, Instant lastErrorTime) {
    public ChannelStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(lastError, "lastError");
    }
}
