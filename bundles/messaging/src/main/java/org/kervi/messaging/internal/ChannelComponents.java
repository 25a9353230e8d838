package org.kervi.messaging.internal;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the email and webhook components share: checking the configuration, and a refused channel when it fails. */
final class ChannelComponents {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelComponents.class);

    private ChannelComponents() {}

    interface Build {
        Channel build(String pid);
    }

    static String pid(Map<String, Object> properties) {
        return String.valueOf(properties.get("service.pid"));
    }

    /** Adds the built channel, or a refused one naming the problem (logged once, without secrets). */
    static Channel start(ChannelDirectory directory, String kind, Map<String, Object> properties, Build build) {
        String pid = pid(properties);
        Channel channel;
        try {
            channel = build.build(pid);
        } catch (IllegalArgumentException e) {
            Object id = properties.get("id");
            LOG.error("Messaging channel refused: {}", e.getMessage());
            channel = Channel.refused(id == null || id.toString().isBlank() ? pid : id.toString().trim(), kind, pid,
                    e.getMessage(), Clock.systemUTC());
        }
        Channel added = directory.add(channel);
        if (!added.isRefused()) {
            LOG.info("Messaging channel {} ({}) sends {} to {}", added.id(), kind, added.status().filter(),
                    added.status().target());
        } else if (added != channel) {
            LOG.error("Messaging channel refused: {}", added.status().lastError());
        }
        return added;
    }
}
