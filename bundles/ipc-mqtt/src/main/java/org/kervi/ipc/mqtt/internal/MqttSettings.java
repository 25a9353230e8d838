package org.kervi.ipc.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.kervi.api.Ids;
import org.kervi.ipc.spi.TransportSettings;

/**
 * The checked settings of one MQTT transport: from pid {@code org.kervi.ipc.mqtt} plus what pid
 * {@code org.kervi.ipc} gives every transport. {@code socketFactory} is null for {@code tcp://}.
 */
record MqttSettings(String brokerUrl, String username, byte[] password, String topicPrefix, String applicationId,
        String instanceId, int keepAliveSeconds, int connectTimeoutSeconds, long reconnectMaxMillis, int valueQos,
        int callQos, int maxPayloadBytes, int queueSize, Duration callTimeout, SSLSocketFactory socketFactory,
        boolean verifyHostname) {

    /** A plain link with the defaults, for tests and tools. */
    static MqttSettings plain(String brokerUrl, String username, String password, String applicationId,
            String instanceId, int keepAliveSeconds) {
        return new MqttSettings(brokerUrl, username, password == null ? null
                : password.getBytes(StandardCharsets.UTF_8), "kervi", applicationId, instanceId, keepAliveSeconds,
                10, 1000, 0, 1, 256 * 1024, 1000, Duration.ofSeconds(10), null, false);
    }

    MqttSettings withTls(SSLSocketFactory factory, boolean verify) {
        return new MqttSettings(brokerUrl, username, password, topicPrefix, applicationId, instanceId,
                keepAliveSeconds, connectTimeoutSeconds, reconnectMaxMillis, valueQos, callQos, maxPayloadBytes,
                queueSize, callTimeout, factory, verify);
    }

    @Override
    public String toString() {
        return brokerUrl + " as '" + username + "', topics " + topicPrefix + "/" + applicationId + "/#";
    }

    /** Checks the configuration; throws an {@link IllegalArgumentException} listing every problem. */
    static MqttSettings of(MqttConfig c, TransportSettings t) {
        List<String> problems = new ArrayList<>();
        String url = c.brokerUrl() == null ? "" : c.brokerUrl().trim();
        boolean tls = url.startsWith("ssl://");
        try {
            URI uri = new URI(url);
            if (!("tcp".equals(uri.getScheme()) || tls) || uri.getHost() == null || uri.getPort() < 1) {
                problems.add("brokerUrl '" + url + "' is not tcp://host:port or ssl://host:port");
            }
        } catch (java.net.URISyntaxException e) {
            problems.add("brokerUrl '" + url + "' is not a URL: " + e.getMessage());
        }
        String prefix = c.topicPrefix() == null ? "" : c.topicPrefix().trim();
        if (!Ids.isValid(prefix) || prefix.contains(".")) {
            problems.add("topicPrefix '" + c.topicPrefix() + "' must be one topic level of letters, digits, _ - :");
        }
        if (!Ids.isValid(t.applicationId()) || t.applicationId().contains("/")) {
            problems.add("applicationId '" + t.applicationId() + "' (org.kervi.ipc) is not a valid id");
        }
        if (c.keepAliveSeconds() < 1 || c.keepAliveSeconds() > 65535) {
            problems.add("keepAliveSeconds " + c.keepAliveSeconds() + " is not in 1..65535");
        }
        if (c.connectTimeoutSeconds() < 1) {
            problems.add("connectTimeoutSeconds must be at least 1");
        }
        if (c.reconnectMaxMillis() < 100) {
            problems.add("reconnectMaxMillis " + c.reconnectMaxMillis() + " is below 100");
        }
        if (c.valueQos() < 0 || c.valueQos() > 1) {
            problems.add("valueQos " + c.valueQos() + " is not 0 or 1");
        }
        if (c.callQos() < 1 || c.callQos() > 2) {
            problems.add("callQos " + c.callQos() + " is not 1 or 2 (a call must not be lost silently)");
        }
        if (c.maxPayloadBytes() < 1024) {
            problems.add("maxPayloadBytes " + c.maxPayloadBytes() + " is below 1024");
        }
        if (c.queueSize() < 16) {
            problems.add("queueSize " + c.queueSize() + " is below 16");
        }
        byte[] password = null;
        try {
            password = password(c);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        SSLSocketFactory factory = null;
        if (tls) {
            try {
                factory = socketFactory(c);
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                problems.add("TLS: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("configuration org.kervi.ipc.mqtt: " + String.join("; ", problems));
        }
        String user = c.username() == null || c.username().isBlank() ? null : c.username().trim();
        return new MqttSettings(url, user, password, prefix, t.applicationId(), t.instanceId(), c.keepAliveSeconds(),
                c.connectTimeoutSeconds(), c.reconnectMaxMillis(), c.valueQos(), c.callQos(), c.maxPayloadBytes(),
                c.queueSize(), t.callTimeout(), factory, c.tlsVerifyHostname());
    }

    private static byte[] password(MqttConfig c) throws IOException {
        if (c.password() != null && !c.password().isEmpty()) {
            return c.password().getBytes(StandardCharsets.UTF_8);
        }
        if (c.passwordFile() == null || c.passwordFile().isBlank()) {
            return null;
        }
        Path file = path(c.passwordFile());
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("the password file " + file + " does not exist or is not readable");
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
    }

    private static Path path(String configured) {
        return Path.of(configured.trim().replace("${karaf.etc}", System.getProperty("karaf.etc", "etc")));
    }

    private static SSLSocketFactory socketFactory(MqttConfig c) throws IOException, GeneralSecurityException {
        TrustManagerFactory tmf = null;
        if (c.tlsTrustStore() != null && !c.tlsTrustStore().isBlank()) {
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(path(c.tlsTrustStore()), c.tlsTrustStorePassword()));
        }
        KeyManagerFactory kmf = null;
        if (c.tlsKeyStore() != null && !c.tlsKeyStore().isBlank()) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(path(c.tlsKeyStore()), c.tlsKeyStorePassword()), chars(c.tlsKeyStorePassword()));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("the key or trust store " + file + " does not exist or is not readable");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, chars(password));
        }
        return store;
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }
}
