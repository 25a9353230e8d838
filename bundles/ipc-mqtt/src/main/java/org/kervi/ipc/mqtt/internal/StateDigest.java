package org.kervi.ipc.mqtt.internal;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * The latest value of each owned id that changed lately, on {@code state/<self>} (docs/ipc-protocol.md, "State
 * digest"): every {@link #PERIOD_MILLIS} while values change, then the ids of the burst again
 * {@link #REPEAT_MILLIS} after its last change. A broker drops value events for a subscriber that reads slower than
 * they come (Mosquitto: "Outgoing messages are being dropped"), the last ones too; the repeats reach it once it has
 * caught up, so it gets the latest of each id without waiting for a next change that may never come.
 *
 * <p>QoS 0, like the events: Mosquitto 2.0 drops a QoS 1 message to such a subscriber as well, and then holds its
 * in-flight slot until the subscriber reconnects, which would starve the calls and replies it still sends there.
 */
final class StateDigest {
    static final long PERIOD_MILLIS = 500;
    static final long[] REPEAT_MILLIS = {2_000, 8_000};
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private final MqttLink link;
    private final String topic;
    private final Function<String, JsonObject> latest;
    private final int maxChars;
    /** The ids sent since the burst began; the timer thread's only. */
    private final Set<String> burst = new LinkedHashSet<>();
    private ScheduledFuture<?> repeat;
    private int repeats;

    /**
     * @param latest the latest event of an owned id ({@code {"v":…,"ts":…}}, a new object), or null while it is
     *     not published (not owned, not claimed)
     */
    StateDigest(ScheduledExecutorService timer, MqttLink link, String topic, Function<String, JsonObject> latest,
            int maxPayloadBytes) {
        this.timer = timer;
        this.link = link;
        this.topic = topic;
        this.latest = latest;
        this.maxChars = maxPayloadBytes / 4; // characters: up to 3 bytes each in UTF-8
    }

    /** An owned id was published: it goes into the next digest. Call after its latest value was stored. */
    void changed(String id) {
        changed.add(id);
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            schedule(this::send, PERIOD_MILLIS);
        }
    }

    private void send() {
        scheduled.set(false);
        List<String> ids = new ArrayList<>(changed);
        changed.removeAll(ids);
        burst.addAll(ids);
        publish(ids);
        if (repeat != null) {
            repeat.cancel(false);
        }
        repeats = 0;
        repeat = schedule(this::repeat, REPEAT_MILLIS[0]);
    }

    private void repeat() {
        publish(burst);
        repeats++;
        if (repeats < REPEAT_MILLIS.length) {
            repeat = schedule(this::repeat, REPEAT_MILLIS[repeats]);
        } else {
            burst.clear();
            repeat = null;
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return null;
        }
    }

    private void publish(Collection<String> ids) {
        StringBuilder json = new StringBuilder();
        for (String id : ids) {
            JsonObject event = latest.apply(id);
            if (event == null) {
                continue;
            }
            event.addProperty("id", id);
            String text = event.toString();
            if (json.length() > 0 && json.length() + text.length() > maxChars) {
                flush(json);
            }
            json.append(json.length() == 0 ? "{\"e\":[" : ",").append(text);
        }
        if (json.length() > 0) {
            flush(json);
        }
    }

    private void flush(StringBuilder json) {
        byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        link.send(null, topic, new MqttMessage(body, 0, false, null));
        json.setLength(0);
    }
}
