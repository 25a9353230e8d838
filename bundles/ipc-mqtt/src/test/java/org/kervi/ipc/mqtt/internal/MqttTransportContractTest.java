package org.kervi.ipc.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.kervi.ipc.api.RestartablePort;
import org.kervi.ipc.api.Transport;
import org.kervi.ipc.api.TransportContractTest;
import org.kervi.testkit.Mosquitto;

/**
 * The unchanged transport contract over a real Mosquitto with a password file (the contract's secret is the broker
 * password of user {@value #USER}; a wrong one is refused by the broker). Each test runs in an application of its
 * own, so retained topics of one test never reach the next.
 */
class MqttTransportContractTest extends TransportContractTest {
    static final String USER = "kervi";
    private static final AtomicInteger APPS = new AtomicInteger();
    static Path folder;
    static Mosquitto broker;
    final String applicationId = "app" + APPS.incrementAndGet();
    private final java.util.Map<String, MqttTransport> made = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void makeBroker() throws Exception {
        folder = Files.createTempDirectory("kervi-mqtt-contract");
        broker = Mosquitto.in(folder).port(RestartablePort.find()).user(USER, SECRET).build();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    protected void startServer() {
        broker.start();
    }

    @Override
    protected void stopServer() {
        broker.stop();
    }

    @Override
    protected Transport newTransport(String instanceId, String secret) {
        MqttTransport t = new MqttTransport(settings(broker.url(), instanceId, secret));
        made.put(instanceId, t);
        return t;
    }

    MqttSettings settings(String url, String instanceId, String secret) {
        return MqttSettings.plain(url, USER, secret, applicationId, instanceId, 1);
    }

    @Override
    protected long heartbeatTimeoutMillis() {
        return 3000;
    }

    @Override
    protected void assertBoundedQueue(String instanceId, int ids) {
        int max = made.get(instanceId).maxInboundQueued();
        assertTrue(max <= 1000 + ids, "inbound value events stay within the queue size plus one per id: " + max);
    }
}
