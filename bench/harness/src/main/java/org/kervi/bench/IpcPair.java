package org.kervi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.kervi.testkit.KarafProcess;

/**
 * Karaf A (IPC hub, the root's role) and B (IPC client, a module's role) from the built distribution, each with
 * the probe bundle in {@code deploy/} and the probe configurations given, {@code kervi-ipc} installed.
 */
final class IpcPair implements AutoCloseable {
    final KarafProcess a;
    final KarafProcess b;
    final String secret = UUID.randomUUID().toString();
    final int hubPort = Bench.freePort();

    IpcPair(String name, Map<String, Map<String, String>> probesInA, Map<String, Map<String, String>> probesInB) {
        String javaOpts = System.getProperty("kervi.bench.javaOpts", "");
        a = new KarafProcess(name + "-a").withJavaOpts(javaOpts)
                .withConfig("org.kervi.core", Map.of("instanceId", "a"))
                .withConfig("org.kervi.ipc", ipc("hub"));
        b = new KarafProcess(name + "-b").withJavaOpts(javaOpts)
                .withConfig("org.kervi.core", Map.of("instanceId", "b"))
                .withConfig("org.kervi.ipc", ipc("client"));
        probesInA.forEach(a::withConfig);
        probesInB.forEach(b::withConfig);
    }

    Map<String, String> ipc(String role) {
        Map<String, String> m = new LinkedHashMap<>(Map.of("host", "127.0.0.1", "port", Integer.toString(hubPort),
                "bindAddress", "127.0.0.1", "secret", secret, "applicationId", "bench"));
        m.put("role", role);
        return m;
    }

    IpcPair start() throws Exception {
        Path probe = Bench.locate("kervi.bench.probe", "bench/bundle/target", "kervi-bench-bundle-.*[0-9T]\\.jar");
        for (KarafProcess k : List.of(a, b)) {
            Files.createDirectories(k.home().resolve("deploy"));
            Files.copy(probe, k.home().resolve("deploy").resolve(probe.getFileName()));
        }
        System.out.println("[kervi] starting A (hub, port " + hubPort + ") and B (client)");
        KarafProcess.startAll(a, b);
        CompletableFuture<String> ia = CompletableFuture.supplyAsync(
                () -> a.execute("feature:install kervi-ipc", Duration.ofMinutes(3)));
        CompletableFuture<String> ib = CompletableFuture.supplyAsync(
                () -> b.execute("feature:install kervi-ipc", Duration.ofMinutes(3)));
        ia.get(4, TimeUnit.MINUTES);
        ib.get(4, TimeUnit.MINUTES);
        return this;
    }

    static String action(KarafProcess k, String call) {
        return k.execute("kervi:action " + call, Duration.ofMinutes(10));
    }

    @Override
    public void close() {
        KarafProcess.closeAll(a, b);
    }
}
