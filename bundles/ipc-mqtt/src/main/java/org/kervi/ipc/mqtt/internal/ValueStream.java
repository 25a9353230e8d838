package org.kervi.ipc.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * This instance's value events while its link is backlogged, batched: each send of the link takes what waits (at
 * most {@link #MAX_EVENTS} and about a quarter of {@code maxPayloadBytes}) as one message on {@code stream/<self>}
 * (docs/ipc-protocol.md, "Value stream"). Nothing waits for a batch to fill: a batch goes when the link gets to it.
 * Beyond {@code queueSize} waiting events the latest event of an id replaces its waiting one.
 */
final class ValueStream {
    static final int MAX_EVENTS = 1000;
    private final CoalescingQueue<Supplier<String>> waiting;
    private final AtomicBoolean batchQueued = new AtomicBoolean();
    private final MqttLink link;
    private final String topic;
    private final int qos;
    private final int maxBytes;

    ValueStream(MqttLink link, String topic, int qos, int queueSize, int maxPayloadBytes) {
        this.waiting = new CoalescingQueue<>(queueSize);
        this.link = link;
        this.topic = topic;
        this.qos = qos;
        this.maxBytes = maxPayloadBytes / 4; // characters: up to 3 bytes each in UTF-8
    }

    /** Whether nothing waits to be batched. */
    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Adds an event to the next batch; {@code event} writes it ({@code {"id":…,"v":…,"ts":…}}) when it is sent. */
    void add(String id, Supplier<String> event) {
        waiting.offer(id, event);
        if (batchQueued.compareAndSet(false, true)) {
            link.send(null, topic, this::nextBatch);
        }
    }

    long coalesced() {
        return waiting.coalesced();
    }

    /** The batch, built when the link sends it; null when another batch took every event already. */
    private MqttMessage nextBatch() {
        batchQueued.set(false);
        StringBuilder json = new StringBuilder("{\"e\":[");
        int events = 0;
        while (events < MAX_EVENTS && json.length() < maxBytes) {
            Supplier<String> event = waiting.poll();
            if (event == null) {
                break;
            }
            json.append(events++ == 0 ? "" : ",").append(event.get());
        }
        if (!waiting.isEmpty() && batchQueued.compareAndSet(false, true)) {
            link.send(null, topic, this::nextBatch);
        }
        if (events == 0) {
            return null;
        }
        return new MqttMessage(json.append("]}").toString().getBytes(StandardCharsets.UTF_8), qos, false, null);
    }
}
