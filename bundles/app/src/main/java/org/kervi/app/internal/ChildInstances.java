package org.kervi.app.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.instance.core.Instance;
import org.apache.karaf.instance.core.InstanceService;
import org.apache.karaf.instance.core.InstanceSettings;
import org.kervi.security.PrivateFiles;
import org.kervi.security.RunMode;

/**
 * Karaf child instances for modules, through Karaf's {@link InstanceService}: each gets its own boot features
 * (not a copy of the root's), ports, users and Kervi configuration files.
 */
final class ChildInstances {
    /** Files holding secrets: written owner-only (0600) from creation, never staged elsewhere. */
    private static final List<String> PRIVATE = List.of("etc/users.properties", BrokerLink.PASSWORD_FILE,
            BrokerLink.MQTT_CFG);
    private final InstanceService instances;
    private final Path workDir;

    ChildInstances(InstanceService instances, Path workDir) {
        this.instances = instances;
        this.workDir = workDir;
    }

    /**
     * (Re)creates the module's instance with the given boot features and files, reaping a leftover process of a
     * previous run first.
     *
     * @param files relative path in the instance (e.g. {@code etc/org.kervi.ipc.cfg}) → content
     */
    Instance create(ModuleSpec spec, List<String> featureUrls, List<String> bootFeatures, Map<String, String> files)
            throws Exception {
        int sshPort = spec.sshPort() > 0 ? requireFreePort(spec.sshPort()) : freePort();
        Instance existing = find(spec.name());
        if (existing != null) {
            kill(existing, 5);
            existing.destroy();
        }
        // an older version staged a world-readable copy of the root's users here
        Files.deleteIfExists(workDir.resolve(spec.name()).resolve("etc/users.properties"));
        InstanceSettings settings = new InstanceSettings(sshPort, freePort(), freePort(), null,
                withRunMode(spec.javaOpts()), new ArrayList<>(featureUrls), new ArrayList<>(bootFeatures), "127.0.0.1", Map.of(), Map.of(),
                List.of());
        Instance created = instances.createInstance(spec.name(), settings, false);
        write(created, files);
        return created;
    }

    /** Writes files into the instance (secrets owner-only); relative path → content. */
    static void write(Instance instance, Map<String, String> files) throws IOException {
        Path home = Paths.get(instance.getLocation());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = home.resolve(file.getKey());
            if (PRIVATE.contains(file.getKey())) {
                PrivateFiles.write(target, file.getValue());
            } else {
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /** A module instance runs in its root's mode (production unless the root runs in development). */
    static String withRunMode(String javaOpts) {
        String mode = "-D" + RunMode.PROPERTY + "=" + RunMode.current().propertyValue();
        return javaOpts == null || javaOpts.isBlank() ? mode : javaOpts + " " + mode;
    }

    /** The module's instance, or null when there is none (never made, or destroyed). */
    Instance find(String name) {
        try {
            return instances.getInstance(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean alive(Instance instance) {
        int pid = pid(instance);
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The instance's pid; 0 when it has none or the instance was destroyed meanwhile. */
    static int pid(Instance instance) {
        try {
            return instance == null ? 0 : instance.getPid();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Asks the instance to stop; kills it (and its children) if it has not exited within the grace period. */
    static void stop(Instance instance, int graceSeconds) {
        int pid = pid(instance);
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        try {
            instance.stop();
        } catch (Exception e) {
            // the shutdown port may be gone with a half-dead instance: the kill below handles it
        }
        waitForExit(pid, graceSeconds);
        kill(pid, 5);
    }

    /** Kills the instance's process tree at once. */
    static void kill(Instance instance, int waitSeconds) {
        kill(pid(instance), waitSeconds);
    }

    /** The pid is taken before anything else: Karaf forgets it once it thinks the instance stopped. */
    private static void kill(int pid, int waitSeconds) {
        if (pid <= 0) {
            return;
        }
        ProcessHandle.of(pid).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        waitForExit(pid, waitSeconds);
    }

    private static void waitForExit(int pid, int seconds) {
        ProcessHandle.of(pid).ifPresent(p -> {
            try {
                p.onExit().get(seconds, TimeUnit.SECONDS);
            } catch (Exception e) {
                // still alive: the caller decides
            }
        });
    }

    private static int requireFreePort(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return port;
        } catch (IOException e) {
            throw new IOException("SSH port " + port + " is already in use", e);
        }
    }

    /** A port free on loopback now; Karaf's own counter hands out ports that may be taken. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
