package org.kervi.app.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.instance.core.Instance;
import org.apache.karaf.instance.core.InstanceService;
import org.apache.karaf.instance.core.InstanceSettings;

/**
 * Karaf child instances for modules, through Karaf's {@link InstanceService}: each gets its own boot features
 * (not a copy of the root's), ports, users and Kervi configuration files.
 */
final class ChildInstances {
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
        if (spec.sshPort() > 0) {
            requireFreePort(spec.sshPort());
        }
        Instance existing = instances.getInstance(spec.name());
        if (existing != null) {
            kill(existing, 5);
            existing.destroy();
        }
        Map<String, URL> resources = new LinkedHashMap<>();
        Path dir = workDir.resolve(spec.name());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            resources.put(file.getKey(), target.toUri().toURL());
        }
        InstanceSettings settings = new InstanceSettings(spec.sshPort(), 0, 0, null, spec.javaOpts(),
                new ArrayList<>(featureUrls), new ArrayList<>(bootFeatures), "127.0.0.1", resources, Map.of(),
                List.of());
        return instances.createInstance(spec.name(), settings, false);
    }

    Instance find(String name) {
        return instances.getInstance(name);
    }

    static boolean alive(Instance instance) {
        int pid = instance.getPid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Asks the instance to stop; kills it (and its children) if it has not exited within the grace period. */
    static void stop(Instance instance, int graceSeconds) throws Exception {
        if (!alive(instance)) {
            return;
        }
        try {
            instance.stop();
        } catch (Exception e) {
            // the shutdown port may be gone with a half-dead instance: the kill below handles it
        }
        waitForExit(instance.getPid(), graceSeconds);
        kill(instance, 5);
    }

    /** Kills the instance's process tree at once. */
    static void kill(Instance instance, int waitSeconds) {
        int pid = instance.getPid();
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

    private static void requireFreePort(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IOException("SSH port " + port + " is already in use", e);
        }
    }
}
