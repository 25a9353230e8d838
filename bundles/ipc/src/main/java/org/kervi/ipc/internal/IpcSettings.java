package org.kervi.ipc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.kervi.api.Ids;
import org.kervi.ipc.internal.tcp.ClientSettings;
import org.kervi.ipc.internal.tcp.Hmac;
import org.kervi.ipc.internal.tcp.HubLimits;
import org.kervi.ipc.internal.tcp.HubSettings;
import org.kervi.ipc.internal.tcp.TlsSettings;
import org.kervi.security.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checked configuration: every problem found at once, and the keys resolved (never logged): the master secret
 * when this instance has it, and this instance's own key K(inst).
 */
final class IpcSettings {
    private static final Logger LOG = LoggerFactory.getLogger(IpcSettings.class);
    /** Shorter secrets and keys are accepted with a warning. */
    static final int SHORT_SECRET = 16;
    /** The hub's certificate, PEM, in the hub instance's etc (see {@link #publishHubCertificate}). */
    static final String HUB_CERTIFICATE = "kervi-ipc-hub.crt";

    enum Role { HUB, CLIENT, OFF }

    /** The built-in transport; any other name is a {@link org.kervi.ipc.spi.TransportProvider} service. */
    static final String TCP = "tcp";
    private static final java.util.regex.Pattern TRANSPORT_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]*");

    final Role role;
    /** The selected transport's name: {@link #TCP} or a provider's. */
    final String transport;
    final IpcConfig config;
    final String instanceId;
    /** The master secret, or null when this instance was given only its instance key. */
    final byte[] master;
    /** This instance's key K(inst), which its client proves itself with. */
    final byte[] key;
    /** The hub's (role hub) or the client's (role client) TLS; null when tls is off. */
    final TlsSettings tls;

    private IpcSettings(Role role, String transport, IpcConfig config, String instanceId, byte[] master, byte[] key,
            TlsSettings tls) {
        this.role = role;
        this.transport = transport;
        this.config = config;
        this.instanceId = instanceId;
        this.master = master;
        this.key = key;
        this.tls = tls;
    }

    /** Checks the configuration; throws an {@link IllegalArgumentException} listing every problem. */
    static IpcSettings of(IpcConfig c, String instanceId) {
        List<String> problems = new ArrayList<>();
        Role role = null;
        try {
            role = Role.valueOf(c.role().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("role '" + c.role() + "' is not one of hub, client, off");
        }
        String transport = c.transport() == null ? "" : c.transport().trim().toLowerCase(Locale.ROOT);
        if (!TRANSPORT_NAME.matcher(transport).matches()) {
            problems.add("transport '" + c.transport() + "' is not a transport name (tcp, mqtt, ...)");
        }
        if (role == Role.OFF) {
            return new IpcSettings(role, transport, c, instanceId, null, new byte[0], null);
        }
        if (c.port() < 1 || c.port() > 65535) {
            problems.add("port " + c.port() + " is not in 1..65535");
        }
        if (c.host() == null || c.host().isBlank()) {
            problems.add("host is empty");
        }
        if (role == Role.HUB && (c.bindAddress() == null || c.bindAddress().isBlank())) {
            problems.add("bindAddress is empty");
        }
        if (!Ids.isValid(c.applicationId())) {
            problems.add("applicationId '" + c.applicationId() + "' is not a valid id");
        }
        if (!Ids.isValid(instanceId)) {
            problems.add("instance id '" + instanceId + "' is not a valid id (set org.kervi.core instanceId)");
        }
        if (c.heartbeatMillis() < 10) {
            problems.add("heartbeatMillis " + c.heartbeatMillis() + " is below 10");
        }
        if (c.heartbeatTimeoutMillis() <= c.heartbeatMillis()) {
            problems.add("heartbeatTimeoutMillis " + c.heartbeatTimeoutMillis() + " must be above heartbeatMillis "
                    + c.heartbeatMillis());
        }
        if (c.maxFrameBytes() < 1024) {
            problems.add("maxFrameBytes " + c.maxFrameBytes() + " is below 1024");
        }
        if (c.outboundQueueSize() < 16) {
            problems.add("outboundQueueSize " + c.outboundQueueSize() + " is below 16");
        }
        if (c.callTimeoutMillis() < 1) {
            problems.add("callTimeoutMillis must be positive");
        }
        if (c.maxHandshakeFrameBytes() < 256) {
            problems.add("maxHandshakeFrameBytes " + c.maxHandshakeFrameBytes() + " is below 256");
        }
        if (c.handshakeTimeoutMillis() < 100) {
            problems.add("handshakeTimeoutMillis " + c.handshakeTimeoutMillis() + " is below 100");
        }
        if (c.maxPendingHandshakes() < 1) {
            problems.add("maxPendingHandshakes must be at least 1");
        }
        boolean instanceKeyGiven = !blank(c.instanceKey()) || !blank(c.instanceKeyFile());
        if (role == Role.HUB && instanceKeyGiven) {
            problems.add("role hub needs the master secret (secret or secretFile), not instanceKey/instanceKeyFile");
        }
        if (c.maxIdsPerInstance() < 0 || c.maxPendingCallsPerInstance() < 0 || c.maxValueEventsPerSecond() < 0
                || c.idReservationSeconds() < 0) {
            problems.add("maxIdsPerInstance, maxPendingCallsPerInstance, maxValueEventsPerSecond and "
                    + "idReservationSeconds must not be negative (0 = unlimited / not reserved)");
        }
        byte[] master = null;
        byte[] key = new byte[0];
        if (problems.isEmpty()) {
            try {
                if (instanceKeyGiven) {
                    key = resolveInstanceKey(c);
                } else {
                    master = resolveSecret(c);
                    key = Hmac.instanceKey(master, c.applicationId(), instanceId);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        TlsSettings tls = null;
        if (c.tls() && role != null && TCP.equals(transport)) {
            try {
                tls = tls(c, role);
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new IpcSettings(role, transport, c, instanceId, master, key, tls);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static TlsSettings tls(IpcConfig c, Role role) {
        if (role == Role.HUB) {
            return TlsSettings.server(path(c.tlsKeyStore(), "tlsKeyStore"), password(c.tlsKeyStorePassword()));
        }
        return TlsSettings.client(path(c.tlsTrustStore(), "tlsTrustStore"), password(c.tlsTrustStorePassword()),
                c.tlsVerifyHostname());
    }

    private static char[] password(String configured) {
        return configured == null ? new char[0] : configured.toCharArray();
    }

    private static byte[] resolveInstanceKey(IpcConfig c) throws IOException {
        if (!blank(c.instanceKey())) {
            return checked(c.instanceKey().trim(), "instanceKey");
        }
        Path file = path(c.instanceKeyFile(), "instanceKeyFile");
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("the instance key file " + file + " does not exist or is not"
                    + " readable (kervi:instance-key <id> on the root prints the key)");
        }
        return checked(Files.readString(file, StandardCharsets.UTF_8).trim(), "the instance key file " + file);
    }

    private static byte[] resolveSecret(IpcConfig c) throws IOException {
        if (c.secret() != null && !c.secret().isEmpty()) {
            return checked(c.secret().trim(), "secret");
        }
        return readOrCreate(path(c.secretFile(), "secretFile"));
    }

    private static Path path(String configured, String name) {
        String file = configured == null ? "" : configured.trim();
        file = file.replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"));
        if (file.isEmpty() || file.contains("${")) {
            throw new IllegalArgumentException("no usable " + name + " ('" + configured + "')");
        }
        return Path.of(file);
    }

    /** Reads the master secret's file, or creates it (born owner-only) with a random secret. */
    static byte[] readOrCreate(Path path) throws IOException {
        if (!Files.exists(path)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                PrivateFiles.createIfAbsent(path, Base64.getEncoder().encode(random));
            } catch (IOException e) {
                throw new IOException("cannot create the secret file " + path + ": " + e.getMessage(), e);
            }
        }
        return checked(Files.readString(path, StandardCharsets.UTF_8).trim(), "the secret file " + path);
    }

    private static byte[] checked(String text, String what) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (text.length() < SHORT_SECRET) {
            LOG.warn("Kervi IPC: {} is shorter than {} characters: easy to guess; use a long random one", what,
                    SHORT_SECRET);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    HubSettings hub() {
        return new HubSettings(config.bindAddress().trim(), config.port(), config.applicationId(), master,
                config.maxFrameBytes(), config.outboundQueueSize(), config.heartbeatMillis(),
                config.heartbeatTimeoutMillis(), config.maxHandshakeFrameBytes(), config.handshakeTimeoutMillis(),
                config.maxPendingHandshakes(), role == Role.HUB ? tls : null);
    }

    ClientSettings client() {
        return new ClientSettings(config.host().trim(), config.port(), config.applicationId(), instanceId, key,
                config.maxFrameBytes(), config.outboundQueueSize(), config.heartbeatMillis(),
                config.heartbeatTimeoutMillis(), config.callTimeoutMillis(), 2000,
                role == Role.CLIENT ? tls : null);
    }

    /**
     * Role hub with TLS: writes the hub's certificate (public) to {@link #HUB_CERTIFICATE} in {@code etc}, what the
     * module instances the application spawns trust and what an operator copies to a joining machine. Returns the
     * file written, or null when there is nothing to write.
     */
    Path publishHubCertificate(Path etc) throws IOException {
        if (role != Role.HUB || tls == null) {
            return null;
        }
        String pem = TlsSettings.certificatePem(path(config.tlsKeyStore(), "tlsKeyStore"),
                password(config.tlsKeyStorePassword()));
        Path file = etc.resolve(HUB_CERTIFICATE);
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).equals(pem)) {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        }
        return file;
    }

    /** What a transport other than tcp is given. */
    org.kervi.ipc.spi.TransportSettings transportSettings() {
        return new org.kervi.ipc.spi.TransportSettings(config.applicationId(), instanceId, role == Role.HUB,
                java.time.Duration.ofMillis(config.callTimeoutMillis()));
    }

    /** The hub runs only where role hub meets the tcp transport. */
    boolean runsHub() {
        return role == Role.HUB && TCP.equals(transport);
    }

    HubLimits limits() {
        return new HubLimits(config.maxIdsPerInstance(), config.maxPendingCallsPerInstance(),
                config.maxValueEventsPerSecond(), config.idReservationSeconds() * 1000L);
    }
}
