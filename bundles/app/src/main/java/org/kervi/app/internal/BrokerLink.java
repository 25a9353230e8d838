package org.kervi.app.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What a module instance is given when the application runs over a broker ({@code org.kervi.ipc transport = mqtt}):
 * the root's broker settings — URL, user, TLS trust, application id — instead of the hub's address, and the broker
 * password in a file of its own, owner-only, never on a command line.
 */
final class BrokerLink {
    static final String IPC_PID = "org.kervi.ipc";
    static final String MQTT_PID = "org.kervi.ipc.mqtt";
    static final String MQTT_FEATURE = "kervi-ipc-mqtt";
    /** The module instance's own copy of its broker password. */
    static final String PASSWORD_FILE = "etc/kervi.broker.password";
    static final String MQTT_CFG = "etc/" + MQTT_PID + ".cfg";
    private static final List<String> NOT_COPIED = List.of("service.pid", "service.factoryPid",
            "felix.fileinstall.filename", "service.bundleLocation", "component.name", "component.id");
    /** The IPC settings of the root that concern its hub or its master secret: nothing a broker client needs. */
    private static final List<String> HUB_ONLY = List.of("secret", "secretFile", "instanceKey", "instanceKeyFile",
            "tls", "tlsKeyStore", "tlsKeyStorePassword", "tlsTrustStore", "tlsTrustStorePassword", "tlsVerifyHostname",
            "bindAddress", "host", "port");
    private static final List<String> PASSWORD_KEYS = List.of("password", "passwordFile");

    private final ConfigurationAdmin configAdmin;

    BrokerLink(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** Whether the root's IPC runs over a broker. */
    boolean selected() throws IOException {
        return "mqtt".equals(String.valueOf(properties(IPC_PID).getOrDefault("transport", "tcp")).trim()
                .toLowerCase(Locale.ROOT));
    }

    /**
     * The module instance's {@code org.kervi.ipc} and broker configuration files, and its password file when the
     * broker wants one.
     */
    Map<String, String> files() throws IOException {
        Map<String, Object> broker = properties(MQTT_PID);
        if (broker.isEmpty()) {
            throw new IllegalStateException("org.kervi.ipc says transport = mqtt but " + MQTT_PID + " is not"
                    + " configured (etc/" + MQTT_PID + ".cfg: brokerUrl, username, password, applicationId)");
        }
        Map<String, Object> ipc = properties(IPC_PID);
        HUB_ONLY.forEach(ipc::remove);
        ipc.put("role", "client");
        ipc.put("transport", "mqtt");
        String password = rootPassword(broker);
        PASSWORD_KEYS.forEach(broker::remove);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("etc/" + IPC_PID + ".cfg", cfg(ipc));
        if (password != null) {
            broker.put("passwordFile", "${karaf.etc}/kervi.broker.password");
            files.put(PASSWORD_FILE, password);
        }
        files.put(MQTT_CFG, cfg(broker));
        return files;
    }

    /** The root's broker password: given inline, or read from its password file; null when it logs in without. */
    private static String rootPassword(Map<String, Object> broker) throws IOException {
        Object inline = broker.get("password");
        if (inline != null && !String.valueOf(inline).isEmpty()) {
            return String.valueOf(inline);
        }
        Object file = broker.get("passwordFile");
        if (file == null || String.valueOf(file).isBlank()) {
            return null;
        }
        Path path = Path.of(String.valueOf(file).trim());
        if (!Files.isReadable(path)) {
            throw new IOException("the broker password file " + path + " (" + MQTT_PID + " passwordFile) is not"
                    + " readable");
        }
        return Files.readString(path, StandardCharsets.UTF_8).trim();
    }

    private Map<String, Object> properties(String pid) throws IOException {
        Map<String, Object> copy = new LinkedHashMap<>();
        Configuration[] found;
        try {
            found = configAdmin.listConfigurations("(service.pid=" + pid + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found == null || found.length == 0 || found[0].getProperties() == null) {
            return copy;
        }
        Dictionary<String, Object> properties = found[0].getProperties();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!NOT_COPIED.contains(key)) {
                copy.put(key, properties.get(key));
            }
        }
        return copy;
    }

    private static String cfg(Map<String, Object> settings) {
        StringBuilder text = new StringBuilder("# written by the application for this module instance\n");
        settings.forEach((key, value) -> text.append(key).append(" = ")
                .append(String.valueOf(value).replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }
}
