package org.kervi.ipc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.kervi.api.Ids;
import org.kervi.ipc.internal.tcp.ClientSettings;
import org.kervi.ipc.internal.tcp.HubLimits;
import org.kervi.ipc.internal.tcp.HubSettings;

/** The checked configuration: every problem found at once, and the secret resolved (never logged). */
final class IpcSettings {
    enum Role { HUB, CLIENT, OFF }

    final Role role;
    final IpcConfig config;
    final String instanceId;
    final byte[] secret;

    private IpcSettings(Role role, IpcConfig config, String instanceId, byte[] secret) {
        this.role = role;
        this.config = config;
        this.instanceId = instanceId;
        this.secret = secret;
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
        if (role == Role.OFF) {
            return new IpcSettings(role, c, instanceId, new byte[0]);
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
        if (c.maxIdsPerInstance() < 0 || c.maxPendingCallsPerInstance() < 0 || c.maxValueEventsPerSecond() < 0
                || c.idReservationSeconds() < 0) {
            problems.add("maxIdsPerInstance, maxPendingCallsPerInstance, maxValueEventsPerSecond and "
                    + "idReservationSeconds must not be negative (0 = unlimited / not reserved)");
        }
        byte[] secret = new byte[0];
        if (problems.isEmpty()) {
            try {
                secret = resolveSecret(c);
            } catch (IOException | RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new IpcSettings(role, c, instanceId, secret);
    }

    private static byte[] resolveSecret(IpcConfig c) throws IOException {
        if (c.secret() != null && !c.secret().isEmpty()) {
            return c.secret().getBytes(StandardCharsets.UTF_8);
        }
        String file = c.secretFile() == null ? "" : c.secretFile().trim();
        String etc = System.getProperty("karaf.etc", "etc");
        file = file.replace("${karaf.etc}", etc);
        if (file.isEmpty() || file.contains("${")) {
            throw new IllegalArgumentException("no secret and no usable secretFile ('" + c.secretFile() + "')");
        }
        return readOrCreate(Path.of(file));
    }

    /** Reads the secret file, or creates it (owner-only where the file system allows) with a random secret. */
    static byte[] readOrCreate(Path path) throws IOException {
        if (!Files.exists(path)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            byte[] text = Base64.getEncoder().encode(random);
            try {
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.write(path, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort on other file systems
                }
            } catch (FileAlreadyExistsException raced) {
                // another instance created it first: read theirs
            } catch (IOException e) {
                throw new IOException("cannot create the secret file " + path + ": " + e.getMessage(), e);
            }
        }
        String text = Files.readString(path, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the secret file " + path + " is empty");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    HubSettings hub() {
        return new HubSettings(config.bindAddress().trim(), config.port(), config.applicationId(), secret,
                config.maxFrameBytes(), config.outboundQueueSize(), config.heartbeatMillis(),
                config.heartbeatTimeoutMillis());
    }

    ClientSettings client() {
        return new ClientSettings(config.host().trim(), config.port(), config.applicationId(), instanceId, secret,
                config.maxFrameBytes(), config.outboundQueueSize(), config.heartbeatMillis(),
                config.heartbeatTimeoutMillis(), config.callTimeoutMillis(), 2000);
    }

    HubLimits limits() {
        return new HubLimits(config.maxIdsPerInstance(), config.maxPendingCallsPerInstance(),
                config.maxValueEventsPerSecond(), config.idReservationSeconds() * 1000L);
    }
}
