package org.kervi.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class BrokerLinkTest {

    @Test
    void aModuleGetsTheBrokerAndItsPasswordInAFileNotTheHubOrTheMasterSecret() throws Exception {
        BrokerLink link = new BrokerLink(configAdmin(
                Map.of("transport", "mqtt", "role", "hub", "secret", "master-secret", "port", "9500",
                        "heartbeatMillis", "500"),
                Map.of("brokerUrl", "ssl://broker.lan:8883", "username", "kervi", "password", "broker-pw",
                        "applicationId", "greenhouse", "tlsTrustStore", "/etc/kervi/broker-ca.p12")));
        assertTrue(link.selected());
        Map<String, String> files = link.files();

        String ipc = files.get("etc/org.kervi.ipc.cfg");
        assertTrue(ipc.contains("role = client\n"), ipc);
        assertTrue(ipc.contains("transport = mqtt\n"), ipc);
        assertTrue(ipc.contains("heartbeatMillis = 500\n"), ipc);
        assertFalse(ipc.contains("master-secret"), ipc);
        assertFalse(ipc.contains("port = 9500"), ipc);

        String broker = files.get(BrokerLink.MQTT_CFG);
        assertTrue(broker.contains("brokerUrl = ssl://broker.lan:8883\n"), broker);
        assertTrue(broker.contains("username = kervi\n"), broker);
        assertTrue(broker.contains("applicationId = greenhouse\n"), broker);
        assertTrue(broker.contains("tlsTrustStore = /etc/kervi/broker-ca.p12\n"), broker);
        assertTrue(broker.contains("passwordFile = ${karaf.etc}/kervi.broker.password\n"), broker);
        assertFalse(broker.contains("broker-pw"), broker);
        assertEquals("broker-pw", files.get(BrokerLink.PASSWORD_FILE));
    }

    @Test
    void theRootsPasswordFileIsCopiedIntoTheModulesOwn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broker.password");
        Files.writeString(file, "from-a-file\n");
        BrokerLink link = new BrokerLink(configAdmin(Map.of("transport", "mqtt"),
                Map.of("brokerUrl", "tcp://127.0.0.1:1883", "passwordFile", file.toString())));
        assertEquals("from-a-file", link.files().get(BrokerLink.PASSWORD_FILE));
    }

    @Test
    void anAnonymousBrokerNeedsNoPasswordFile() throws Exception {
        BrokerLink link = new BrokerLink(configAdmin(Map.of("transport", "mqtt"),
                Map.of("brokerUrl", "tcp://127.0.0.1:1883")));
        Map<String, String> files = link.files();
        assertFalse(files.containsKey(BrokerLink.PASSWORD_FILE));
        assertFalse(files.get(BrokerLink.MQTT_CFG).contains("passwordFile"));
    }

    @Test
    void theHubIsTheDefaultAndABrokerWithoutSettingsIsAClearError() throws Exception {
        assertFalse(new BrokerLink(configAdmin(Map.of("role", "hub"), null)).selected());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new BrokerLink(configAdmin(Map.of("transport", "mqtt"), null)).files());
        assertTrue(e.getMessage().contains("org.kervi.ipc.mqtt is not configured"), e.getMessage());
    }

    private static ConfigurationAdmin configAdmin(Map<String, String> ipc, Map<String, String> mqtt) {
        return (ConfigurationAdmin) Proxy.newProxyInstance(BrokerLinkTest.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("listConfigurations")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String filter = (String) args[0];
                    Map<String, String> found = filter.equals("(service.pid=" + BrokerLink.MQTT_PID + ")") ? mqtt
                            : filter.equals("(service.pid=" + BrokerLink.IPC_PID + ")") ? ipc : null;
                    return found == null ? null : new Configuration[] {configuration(found)};
                });
    }

    private static Configuration configuration(Map<String, String> properties) {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put("service.pid", "hidden");
        return (Configuration) Proxy.newProxyInstance(BrokerLinkTest.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperties")) {
                        return dictionary;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
