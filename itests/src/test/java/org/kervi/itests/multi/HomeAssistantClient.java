package org.kervi.itests.multi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain MQTT 5 client standing in for Home Assistant: it keeps the last payload and the number of messages of
 * every topic it sees, and publishes commands and birth messages from the test's thread (never from Paho's).
 */
final class HomeAssistantClient implements MqttCallback, AutoCloseable {
    private final MqttClient client;
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    HomeAssistantClient(String brokerUrl, String user, String password, String... subscriptions) throws MqttException {
        client = new MqttClient(brokerUrl, "home-assistant-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        client.connect(options);
        for (String topic : subscriptions) {
            client.subscribe(topic, 1);
        }
    }

    void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The last payload seen on {@code topic}, null when none. */
    String latest(String topic) {
        return latest.get(topic);
    }

    int count(String topic) {
        AtomicInteger n = counts.get(topic);
        return n == null ? 0 : n.get();
    }

    /** Every topic seen with its last payload, for failure messages and scans. */
    Map<String, String> all() {
        return new TreeMap<>(latest);
    }

    String await(String topic, Predicate<String> condition, Duration timeout) {
        return Poll.until(topic + " matching (last: " + latest(topic) + ")", timeout, () -> {
            String payload = latest(topic);
            return payload != null && condition.test(payload) ? payload : null;
        });
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        latest.put(topic, new String(message.getPayload(), StandardCharsets.UTF_8));
        counts.computeIfAbsent(topic, t -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
