package org.kervi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ValueEntry;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The MQTT transport in a real Karaf against a real Mosquitto: an operator sets only {@code transport = mqtt} (and
 * the broker); the IPC component installs feature kervi-ipc-mqtt itself, the instance announces itself retained in
 * the broker, and an instance that Mosquitto's own command line tools play (retained presence, directory entry,
 * value) shows up in the registry and leaves with its presence.
 */
public class MqttTransportIT extends KerviTestSupport {
    @Inject
    protected KerviRegistry registry;

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Test
    public void settingTransportMqttLinksThisInstanceThroughTheBroker() throws Exception {
        Path dir = Files.createTempDirectory("kervi-mqtt-it");
        int port = freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", "per_listener_settings false",
                "user " + System.getProperty("user.name"), "allow_anonymous true", "persistence false",
                "listener " + port + " 127.0.0.1", ""));
        Process broker = new ProcessBuilder("/usr/sbin/mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        Configuration mqtt = configAdmin.getConfiguration("org.kervi.ipc.mqtt", null);
        Configuration ipc = configAdmin.getConfiguration("org.kervi.ipc", null);
        try {
            waitFor(Duration.ofSeconds(20), () -> accepts(port));
            Dictionary<String, Object> broker1 = new Hashtable<>();
            broker1.put("brokerUrl", "tcp://127.0.0.1:" + port);
            broker1.put("keepAliveSeconds", 2);
            mqtt.update(broker1);
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("role", "hub");
            props.put("transport", "mqtt");
            props.put("secret", "itest-secret-0123456789");
            ipc.update(props);
            installFeature("kervi-ipc");
            String self = registry.instanceId();
            waitFor(Duration.ofSeconds(30), () -> command("kervi:instances --no-format").contains(": connected;"));
            assertTrue("the feature was installed for the operator",
                    featuresService.isInstalled(featuresService.getFeature("kervi-ipc-mqtt")));

            String retained = subscribeRetained(port, "kervi/kervi/presence/" + self);
            assertTrue(retained, retained.contains("\"state\":\"online\""));

            String root = "kervi/kervi/";
            publish(port, root + "presence/remote1", "{\"state\":\"online\",\"host\":\"shed\",\"since\":1}");
            publish(port, root + "dir/value/remote1.temp", "{\"owner\":\"remote1\",\"claimed\":1,\"entry\":"
                    + "{\"id\":\"remote1.temp\",\"kind\":\"number\",\"role\":\"sensor\",\"name\":\"Shed temperature\","
                    + "\"component\":\"remote1\",\"attrs\":{\"unit\":\"C\",\"min\":0,\"max\":100}}}");
            publish(port, root + "value/remote1.temp", "{\"v\":17.5,\"ts\":1}");
            waitFor(Duration.ofSeconds(10), () -> registry.value("remote1.temp").map(e -> e.value().hasFired())
                    .orElse(false));
            ValueEntry entry = registry.value("remote1.temp").get();
            assertFalse(entry.local());
            assertEquals("remote1", entry.owner());
            assertEquals(17.5, entry.value().get());
            String instances = executeCommand("kervi:instances --no-format");
            assertTrue(instances, instances.contains("remote1") && instances.contains("tcp://127.0.0.1:" + port));

            publish(port, root + "value/remote1.temp", "{\"v\":{\"not\":\"a scalar\"},\"ts\":2}");
            publish(port, root + "presence/remote1", "{\"state\":\"offline\"}");
            waitFor(Duration.ofSeconds(10), () -> registry.value("remote1.temp").isEmpty());
            assertTrue(command("kervi:instances --no-format").contains(": connected;"));
        } finally {
            ipc.delete();
            mqtt.delete();
            uninstallFeature("kervi-ipc-mqtt");
            uninstallFeature("kervi-ipc");
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void publish(int port, String topic, String payload) throws Exception {
        run(List.of("mosquitto_pub", "-V", "mqttv5", "-h", "127.0.0.1", "-p", Integer.toString(port), "-q", "1",
                "-r", "-t", topic, "-m", payload));
    }

    /** The retained message of {@code topic}, read with mosquitto_sub (waits at most 10 s for it). */
    private static String subscribeRetained(int port, String topic) throws Exception {
        return run(List.of("mosquitto_sub", "-V", "mqttv5", "-h", "127.0.0.1", "-p", Integer.toString(port), "-t",
                topic, "-C", "1", "-W", "10"));
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private String command(String command) {
        try {
            return executeCommand(command);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
