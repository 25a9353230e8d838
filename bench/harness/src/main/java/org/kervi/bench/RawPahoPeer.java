package org.kervi.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The far end of the raw MQTT baseline, run in its own JVM by {@link RawPahoLink}: one Paho MQTT 5 client that
 * subscribes to the baseline's value topic and request topic through the broker given as {@code args[0]} and
 * <ul>
 *   <li>a value: decodes the payload with Gson and records {@code now - val} as a one-way latency;</li>
 *   <li>a request: answers {@code {"result":args[0]}} at once on the request's response topic with its
 *       correlation data (MQTT 5 request/response), at the request's QoS.</li>
 * </ul>
 * Controlled over stdin, one word a line, so the broker carries only the measured traffic: {@code reset},
 * {@code stats} (answers one JSON line as {@code bench_sink.stats} on stdout), {@code bye}; EOF (the harness died)
 * exits as well. Prints {@code READY} once subscribed.
 */
public final class RawPahoPeer {
    private RawPahoPeer() {
    }

    public static void main(String[] args) throws Exception {
        RawMqttSettings settings = RawMqttSettings.parse(args);
        Latencies latencies = new Latencies(2_000_000);
        MqttAsyncClient client = new MqttAsyncClient(settings.brokerUrl(), "raw-peer-" + ProcessHandle.current()
                .pid(), new MemoryPersistence());
        client.setCallback((MessageOnlyCallback) (topic, message) -> {
            if (topic.equals(settings.valueTopic())) {
                long now = System.nanoTime();
                JsonObject value = JsonParser.parseString(new String(message.getPayload(), StandardCharsets.UTF_8))
                        .getAsJsonObject();
                latencies.record(now - (long) value.get("v").getAsDouble(), now);
            } else {
                answer(client, message);
            }
        });
        client.connect(settings.connectionOptions()).waitForCompletion(30_000);
        client.subscribe(new String[] {settings.valueTopic(), settings.requestTopic()},
                new int[] {settings.valueQos(), settings.callQos()}).waitForCompletion(30_000);
        System.out.println("READY");
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null && !line.equals("bye")) {
            if (line.equals("reset")) {
                latencies.reset();
            } else if (line.equals("stats")) {
                System.out.println(latencies.statsJson());
                System.out.flush();
            }
        }
        try {
            client.disconnect().waitForCompletion(5_000);
        } catch (MqttException e) {
            System.err.println("[raw-peer] disconnect: " + e);
        }
        System.exit(0);
    }

    private static void answer(MqttAsyncClient client, MqttMessage request) throws MqttException {
        JsonObject call = JsonParser.parseString(new String(request.getPayload(), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonObject reply = new JsonObject();
        reply.add("result", call.getAsJsonArray("args").get(0));
        MqttMessage response = new MqttMessage(reply.toString().getBytes(StandardCharsets.UTF_8));
        response.setQos(request.getQos());
        MqttProperties properties = new MqttProperties();
        properties.setCorrelationData(request.getProperties().getCorrelationData());
        response.setProperties(properties);
        client.publish(request.getProperties().getResponseTopic(), response);
    }
}
