package org.kervi.homeassistant.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This bundle's own MQTT 5 connection (Paho's asynchronous client) to the operator's broker, with a last will that
 * marks the bridge offline. Every event is handed to {@code executor} — the bridge's one thread — so nothing runs on
 * Paho's threads. Connects again with backoff, the first time included (Paho reconnects by itself only after a first
 * success).
 */
final class BrokerLink {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
    private static final long WAIT_MILLIS = 10_000;
    private static final int MAX_BACKOFF_SECONDS = 30;

    /** What the bridge is told, always on its executor. */
    interface Events {
        void connected();

        void message(String topic, String payload);
    }

    private final HomeAssistantSettings settings;
    private final Topics topics;
    private final Events events;
    private final ScheduledExecutorService executor;
    private volatile MqttAsyncClient client;
    private volatile boolean stopped;
    private volatile String problem = "not connected yet";
    private int backoffSeconds = 1;

    BrokerLink(HomeAssistantSettings settings, Topics topics, Events events, ScheduledExecutorService executor) {
        this.settings = settings;
        this.topics = topics;
        this.events = events;
        this.executor = executor;
    }

    /** Connects in the background; call on the executor. */
    void start(SSLContext tls) throws MqttException {
        client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
        client.setCallback(new Callback());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, MAX_BACKOFF_SECONDS);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        MqttMessage will = new MqttMessage(Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true, null);
        options.setWill(topics.bridgeAvailability(), will);
        if (!settings.username().isEmpty()) {
            options.setUserName(settings.username());
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        if (tls != null) {
            options.setSocketFactory(tls.getSocketFactory());
        }
        connect(options);
    }

    boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    String problem() {
        return isConnected() ? "" : problem;
    }

    /** Publishes a retained state at most once: the next state replaces it anyway. */
    void publishState(String topic, String payload) {
        publish(topic, payload, 0, true);
    }

    /** Publishes at least once and waits for the broker's acknowledgement: configs and availability. */
    void publishReliably(String topic, String payload) {
        publish(topic, payload, 1, true);
    }

    void subscribe(String topic, boolean noLocal) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            return;
        }
        MqttSubscription subscription = new MqttSubscription(topic, 1);
        subscription.setNoLocal(noLocal);
        try {
            // no per-subscription listener: Paho 1.2.5 keys those by a subscription identifier it never sends
            // (paho.mqtt.java#1019); every message comes through the callback
            c.subscribe(new MqttSubscription[] {subscription}).waitForCompletion(WAIT_MILLIS);
        } catch (MqttException e) {
            LOG.warn("Home Assistant: could not subscribe to {} on {}: {}", topic, settings.brokerUrl(), e.toString());
        }
    }

    /** Disconnects cleanly (the last will is not sent, so say offline first); call on the executor. */
    void stop() {
        stopped = true;
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect(WAIT_MILLIS).waitForCompletion(WAIT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.debug("Home Assistant: disconnect from {} failed", settings.brokerUrl(), e);
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.debug("Home Assistant: closing the MQTT client failed", e);
        }
    }

    private void publish(String topic, String payload, int qos, boolean retained) {
        MqttAsyncClient c = client;
        if (c == null || !c.isConnected()) {
            return;
        }
        try {
            IMqttToken token = c.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
            if (qos > 0) {
                token.waitForCompletion(WAIT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.warn("Home Assistant: publishing to {} failed: {}", topic, e.toString());
        }
    }

    private void connect(MqttConnectionOptions options) {
        if (stopped) {
            return;
        }
        try {
            client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    backoffSeconds = 1;
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retry(options, failure);
                }
            });
        } catch (MqttException e) {
            retry(options, e);
        }
    }

    private void retry(MqttConnectionOptions options, Throwable failure) {
        problem = "cannot connect to " + settings.brokerUrl() + ": " + failure;
        LOG.warn("Home Assistant: {}; trying again in {} s", problem, backoffSeconds);
        if (!stopped && !executor.isShutdown()) {
            executor.schedule(() -> connect(options), backoffSeconds, TimeUnit.SECONDS);
            backoffSeconds = Math.min(MAX_BACKOFF_SECONDS, backoffSeconds * 2);
        }
    }

    private void handOver(String topic, MqttMessage message) {
        String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
        if (!executor.isShutdown()) {
            executor.execute(() -> events.message(topic, payload));
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.info("Home Assistant: {} {}", reconnect ? "connected again to" : "connected to", serverUri);
            if (!executor.isShutdown()) {
                executor.execute(events::connected);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            problem = "disconnected from " + settings.brokerUrl() + ": " + response;
            if (!stopped) {
                LOG.warn("Home Assistant: {}; reconnecting", problem);
            }
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            LOG.warn("Home Assistant: MQTT error from {}: {}", settings.brokerUrl(), e.toString());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            handOver(topic, message);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
