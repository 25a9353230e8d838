package org.kervi.messaging.internal;

/**
 * The JSON a webhook receives (docs/operators.md, "Messaging channels").
 *
 * @param type {@code entry}, {@code suppressed} (a rate-limit summary) or {@code test}
 * @param suppressed how many entries a summary stands for; absent otherwise
 */
record WebhookPayload(String channel, String type, String time, String level, String source, String instance,
        String message, Integer suppressed) {

    static WebhookPayload of(String channel, ChannelMessage m) {
        return new WebhookPayload(channel, m.kind().wireName(), m.time().toString(), m.level().name(), m.sourceId(),
                m.instance(), m.text(), m.kind() == ChannelMessage.Kind.SUPPRESSED ? m.suppressed() : null);
    }
}
