package org.kervi.ipc.mqtt.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Input refused from the broker: each logged with its reason, the first 20 and then one in 1000 (floods). */
final class Refusals {
    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);
    private final AtomicLong count = new AtomicLong();
    private final String instanceId;

    Refusals(String instanceId) {
        this.instanceId = instanceId;
    }

    void refuse(String topic, String reason) {
        long n = count.incrementAndGet();
        if (n <= 20 || n % 1000 == 0) {
            LOG.warn("Kervi IPC over MQTT, instance '{}': refused a message on {}: {}{}", instanceId, topic, reason,
                    n == 20 ? " (further refusals: one in 1000 logged)" : n > 20 ? " (" + n + " so far)" : "");
        }
    }

    long count() {
        return count.get();
    }
}
