package org.kervi.bench;

import java.util.Locale;

/**
 * QoS and retain flag per message kind, as the Kervi MQTT transport publishes them (docs/ipc-protocol.md); the raw
 * baseline uses the same so the broker does the same work in both paths. Overridable for experiments with
 * {@code -Dkervi.bench.valueQos}, {@code -Dkervi.bench.retainValues}, {@code -Dkervi.bench.callQos}.
 */
record MqttMessageKinds(int valueQos, boolean retainValues, int callQos) {

    static MqttMessageKinds ofTransport() {
        return new MqttMessageKinds(Integer.getInteger("kervi.bench.valueQos", 0),
                Boolean.parseBoolean(System.getProperty("kervi.bench.retainValues", "true")),
                Integer.getInteger("kervi.bench.callQos", 1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "values QoS %d%s, action calls and replies QoS %d", valueQos,
                retainValues ? " retained" : " not retained", callQos);
    }
}
