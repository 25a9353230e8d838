package org.kervi.bench;

import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * What the raw MQTT baseline shares between its two clients: the broker, the topic prefix, and the QoS and retain
 * flag of each message kind, set to what the Kervi MQTT transport uses for the same kind, and topics of the same
 * shape (docs/ipc-protocol.md, "Topic tree"), so both paths cost the broker the same. Passed to the peer JVM as its arguments.
 */
record RawMqttSettings(String brokerUrl, String prefix, int valueQos, boolean retainValues, int callQos) {

    static RawMqttSettings parse(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException("expected <brokerUrl> <prefix> <valueQos> <retainValues> <callQos>, got "
                    + List.of(args));
        }
        return new RawMqttSettings(args[0], args[1], Integer.parseInt(args[2]), Boolean.parseBoolean(args[3]),
                Integer.parseInt(args[4]));
    }

    List<String> toArgs() {
        return List.of(brokerUrl, prefix, Integer.toString(valueQos), Boolean.toString(retainValues),
                Integer.toString(callQos));
    }

    /** The transport's {@code <root>/value/<id>}. */
    String valueTopic() {
        return prefix + "/value/bench.stamp";
    }

    /** The transport's {@code <root>/call/<owner>/<actionId>}. */
    String requestTopic() {
        return prefix + "/call/b/bench_echo.echo";
    }

    /** The transport's {@code <root>/reply/<instance>}. */
    String responseTopic(String clientId) {
        return prefix + "/reply/" + clientId;
    }

    MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setKeepAliveInterval(30);
        options.setAutomaticReconnect(false);
        if (Boolean.parseBoolean(System.getProperty("kervi.bench.clientNoDelay", "true"))) {
            options.setSocketFactory(new NoDelaySocketFactory());
        }
        return options;
    }
}
