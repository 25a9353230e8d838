package org.kervi.ipc.mqtt.internal;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.kervi.ipc.api.TransportProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's connection to the broker through Paho's asynchronous client: connects (again, with backoff, after
 * every loss until {@link #close}), subscribes what the transport asks for, and sends within Paho's in-flight
 * windows (so publishing never throws "too many publishes" and Paho's own queue stays bounded): on the sending
 * thread itself while nothing is queued and the window has room, else through the sender thread, which waits for
 * room. A Paho callback thread may send too: it never waits for a window.
 */
final class MqttLink implements AutoCloseable {
    /** MQTT 5 reason code 0x04: a clean disconnect after which the broker still publishes the will. */
    private static final int DISCONNECT_WITH_WILL = 0x04;

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    /**
     * Paho QoS 0 messages not yet written to the socket. Small: once Paho's sender is that far behind (preempted, a
     * pause), value events wait in the transport, where they go out as one batch on the value stream instead of
     * one message each, so the link catches up in a few packets.
     */
    private static final int QOS0_WINDOW = 8;
    /** QoS 1/2 messages awaiting the broker's acknowledgement (Mosquitto's default receive maximum is 20). */
    private static final int ACKED_WINDOW = 10;

    /** What the transport hears from its link. */
    interface Events {
        /** Connected and subscribed; the transport decides when the link is usable (its sync barrier). */
        void up(long session);

        void down(long session, String reason);

        void message(String topic, MqttMessage message);

        void problem(TransportProblem problem);
    }

    /**
     * A message to send; its body may be built only when it is sent (a coalesced value is never serialized), and
     * may then turn out to be null: nothing to send.
     */
    record Outgoing(String topic, java.util.function.Supplier<MqttMessage> body) {
        static Outgoing of(String topic, MqttMessage message) {
            return new Outgoing(topic, () -> message);
        }
    }

    private final MqttSettings settings;
    private final Events events;
    private final Supplier<List<MqttSubscription>> subscriptions;
    private final Supplier<Outgoing> will;
    private final InlineQueue<Outgoing> outbound;
    private final Thread connector;
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private volatile Connection current;
    private volatile boolean closed;

    /** One connection: its Paho client, its windows and the latch its loss opens. */
    private static final class Connection {
        final long session;
        final MqttAsyncClient client;
        final Semaphore qos0 = new Semaphore(QOS0_WINDOW);
        final Semaphore acked = new Semaphore(ACKED_WINDOW);
        final CountDownLatch lost = new CountDownLatch(1);
        volatile String reason = "";

        Connection(long session, MqttAsyncClient client) {
            this.session = session;
            this.client = client;
        }
    }

    MqttLink(MqttSettings settings, Events events, Supplier<List<MqttSubscription>> subscriptions,
            Supplier<Outgoing> will) {
        this.settings = settings;
        this.events = events;
        this.subscriptions = subscriptions;
        this.will = will;
        this.outbound = new InlineQueue<>(settings.queueSize(), "kervi-mqtt-send-" + settings.instanceId(),
                new Publisher());
        this.connector = new Thread(this::connectLoop, "kervi-mqtt-connect-" + settings.instanceId());
        connector.setDaemon(true);
    }

    void start() {
        connector.start();
        outbound.start();
    }

    String clientId() {
        return "kervi-" + settings.applicationId() + "-" + settings.instanceId();
    }

    /**
     * Sends a message now if nothing waits before it, else queues it; {@code key} non-null lets a later message of the
     * same key replace it when the queue is full.
     */
    void send(String key, String topic, MqttMessage message) {
        outbound.offer(key, Outgoing.of(topic, message));
    }

    /** Like {@link #send(String, String, MqttMessage)}, building the message when it is sent. */
    void send(String key, String topic, java.util.function.Supplier<MqttMessage> message) {
        outbound.offer(key, new Outgoing(topic, message));
    }

    /** Subscribes now, if connected (after a reconnect everything is subscribed again anyway). */
    void subscribe(List<MqttSubscription> more) {
        Connection c = current;
        if (c != null && !more.isEmpty()) {
            try {
                c.client.subscribe(more.toArray(new MqttSubscription[0]));
            } catch (MqttException e) {
                LOG.debug("subscribe failed; the next connection subscribes again", e);
            }
        }
    }

    /** Unsubscribes now, if connected. */
    void unsubscribe(List<String> topicFilters) {
        Connection c = current;
        if (c != null && !topicFilters.isEmpty()) {
            try {
                c.client.unsubscribe(topicFilters.toArray(new String[0]));
            } catch (MqttException e) {
                LOG.debug("unsubscribe failed; the next connection subscribes only what is asked for", e);
            }
        }
    }

    long session() {
        Connection c = current;
        return c == null ? -1 : c.session;
    }

    long coalesced() {
        return outbound.coalesced();
    }

    /** Whether nothing waits to be sent (the sender may still be handing one message to Paho). */
    boolean idle() {
        return outbound.isEmpty();
    }

    long messagesOut() {
        return messagesOut.get();
    }

    long bytesOut() {
        return bytesOut.get();
    }

    // ---- connecting --------------------------------------------------------------------------------

    private void connectLoop() {
        long backoff = 50;
        String lastFailure = "";
        while (!closed) {
            Connection c = null;
            try {
                c = connectOnce();
                backoff = 50;
                lastFailure = "";
                while (!closed && !c.lost.await(1, TimeUnit.SECONDS)) {
                    // connected; Paho's threads do the work
                }
            } catch (MqttException e) {
                String failure = describe(e);
                if (!failure.equals(lastFailure)) {
                    LOG.info("Kervi IPC over MQTT: instance '{}' cannot connect to {}: {}; retrying",
                            settings.instanceId(), settings.brokerUrl(), failure);
                    lastFailure = failure;
                    if (e.getReasonCode() == 0x86 || e.getReasonCode() == 0x87) {
                        events.problem(new TransportProblem(TransportProblem.AUTH_FAILED, "", "",
                                "the broker refused the credentials: " + failure));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Kervi IPC over MQTT: instance '{}': connecting failed", settings.instanceId(), e);
            }
            if (c != null) {
                dispose(c);
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = Math.min(backoff * 2, settings.reconnectMaxMillis());
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        String text = e.getMessage() + " (reason " + e.getReasonCode() + ")";
        return cause == null ? text : text + ": " + cause;
    }

    private Connection connectOnce() throws MqttException {
        long session = sessions.incrementAndGet();
        MqttAsyncClient client = new MqttAsyncClient(settings.brokerUrl(), clientId(), new MemoryPersistence());
        Connection c = new Connection(session, client);
        client.setCallback(new Callback(c));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(settings.connectTimeoutSeconds());
        options.setMaximumPacketSize((long) settings.maxPayloadBytes() + 64 * 1024);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password());
        }
        if (settings.socketFactory() != null) {
            options.setSocketFactory(NoDelaySockets.tls(settings.socketFactory()));
            options.setHttpsHostnameVerificationEnabled(settings.verifyHostname());
        } else {
            options.setSocketFactory(NoDelaySockets.plain());
        }
        Outgoing lastWill = will.get();
        options.setWill(lastWill.topic(), lastWill.body().get());
        long timeout = settings.connectTimeoutSeconds() * 1000L;
        try {
            client.connect(options).waitForCompletion(timeout);
            current = c;
            List<MqttSubscription> subs = subscriptions.get();
            client.subscribe(subs.toArray(new MqttSubscription[0])).waitForCompletion(timeout);
        } catch (MqttException | RuntimeException e) {
            current = null;
            dispose(c);
            throw e;
        }
        LOG.info("Kervi IPC over MQTT: instance '{}' connected to {}", settings.instanceId(), settings.brokerUrl());
        events.up(session);
        return c;
    }

    private void lost(Connection c, String reason) {
        if (current == c) {
            current = null;
        }
        if (c.lost.getCount() > 0) {
            c.reason = reason;
            c.lost.countDown();
            if (!closed) {
                LOG.info("Kervi IPC over MQTT: instance '{}' lost the broker: {}; reconnecting",
                        settings.instanceId(), reason);
            }
            events.down(c.session, reason);
        }
    }

    private static void dispose(Connection c) {
        try {
            if (c.client.isConnected()) {
                c.client.disconnectForcibly(0, 1000, false);
            }
        } catch (MqttException | RuntimeException e) {
            // going anyway
        }
        try {
            c.client.close(true);
        } catch (MqttException | RuntimeException e) {
            // going anyway
        }
    }

    private final class Callback implements MqttCallback {
        private final Connection c;

        Callback(Connection c) {
            this.c = c;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = response.getReasonString() != null ? response.getReasonString()
                    : response.getException() != null ? String.valueOf(response.getException().getMessage())
                    : "reason code " + response.getReturnCode();
            if (response.getReturnCode() == 0x8E) {
                events.problem(new TransportProblem(TransportProblem.DUPLICATE_INSTANCE, "", "",
                        "another client connected as " + clientId() + ": instance ids must be unique"));
            }
            lost(c, reason);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("Kervi IPC over MQTT: {}", exception.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            events.message(topic, message);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // the windows are released by each publish's own listener
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // connectOnce goes on by itself
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }

    // ---- sending -----------------------------------------------------------------------------------

    /** Publishes to the current connection; without one, drops (what matters is sent again after the reconnect). */
    private final class Publisher implements InlineQueue.Sink<Outgoing> {
        @Override
        public Outgoing tryNow(Outgoing out) {
            Connection c = current;
            MqttMessage message = out.body().get(); // built even to be dropped: a batch's body takes its events
            if (c == null || message == null) {
                return null;
            }
            Semaphore window = message.getQos() == 0 ? c.qos0 : c.acked;
            if (!window.tryAcquire()) {
                return Outgoing.of(out.topic(), message); // built once: queued as built
            }
            publish(c, out.topic(), message, window);
            return null;
        }

        @Override
        public void take(Outgoing out) throws InterruptedException {
            Connection c = current;
            MqttMessage message = out.body().get();
            if (c == null || message == null) {
                return;
            }
            Semaphore window = message.getQos() == 0 ? c.qos0 : c.acked;
            while (!window.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (closed || current != c) {
                    return;
                }
            }
            publish(c, out.topic(), message, window);
        }
    }

    /** Publishes with a window slot already taken; the slot is given back once Paho is done with the message. */
    private void publish(Connection c, String topic, MqttMessage message, Semaphore window) {
        try {
            c.client.publish(topic, message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    window.release();
                }
            });
            messagesOut.incrementAndGet();
            bytesOut.addAndGet(message.getPayload().length);
        } catch (MqttException | RuntimeException e) {
            window.release();
            LOG.debug("Kervi IPC over MQTT: not sent to {}: {}", topic, e.toString());
        }
    }

    /**
     * Publishes at once from the calling thread and waits up to {@code millis} for the broker (for the last words
     * of {@link #close}); false when not connected or not acknowledged in time.
     */
    boolean publishNow(List<Outgoing> messages, long millis) {
        Connection c = current;
        if (c == null) {
            return false;
        }
        long deadline = System.currentTimeMillis() + millis;
        try {
            for (Outgoing out : messages) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                // one at a time: the broker's receive maximum bounds the acknowledgements awaited
                c.client.publish(out.topic(), out.body().get()).waitForCompletion(left);
            }
            return true;
        } catch (MqttException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = current;
        current = null;
        connector.interrupt();
        outbound.close();
        if (c != null) {
            try {
                // with the will: if the goodbye (entries cleared, presence offline) did not get out in time, the
                // broker still says this instance is gone, so others can take its ids (a normal disconnect drops it)
                c.client.disconnect(1000, null, null, DISCONNECT_WITH_WILL, null).waitForCompletion(2000);
            } catch (MqttException | RuntimeException e) {
                // closing anyway
            }
            c.lost.countDown();
            dispose(c);
        }
    }
}
