package org.kervi.bench;

import java.util.Map;
import org.kervi.testkit.KarafProcess;

/** What a Karaf instance needs to join an application through a broker: the MQTT transport and its settings. */
final class MqttTransportConfig {
    static final String INSTALL = "feature:install kervi-ipc kervi-ipc-mqtt";

    private MqttTransportConfig() {
    }

    static KarafProcess apply(KarafProcess instance, String brokerUrl, String applicationId) {
        return instance
                .withConfig("org.kervi.ipc", Map.of("transport", "mqtt", "applicationId", applicationId))
                .withConfig("org.kervi.ipc.mqtt", Map.of("brokerUrl", brokerUrl));
    }
}
