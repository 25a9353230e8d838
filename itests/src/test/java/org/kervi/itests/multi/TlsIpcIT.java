package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;

/**
 * Two real Karaf processes linked over TLS (pid org.kervi.ipc {@code tls = true}): a hub with a self-signed
 * certificate made by keytool, a client trusting that certificate as a PEM file. Values and a call cross.
 */
public class TlsIpcIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String PASSWORD = "it-store-password";
    private KarafProcess a;
    private KarafProcess b;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(a, b);
    }

    @Test
    public void valuesAndCallsCrossInstancesInsideTls() throws Exception {
        Path dir = Files.createTempDirectory("kervi-tls-it");
        Path keyStore = dir.resolve("hub.p12");
        Path certificate = dir.resolve("hub.crt");
        keytool("-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hub",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "hub", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        int hubPort = Ports.free();
        Map<String, String> hub = new HashMap<>(CrossInstanceIT.ipc("hub", hubPort));
        hub.putAll(Map.of("tls", "true", "tlsKeyStore", keyStore.toString(), "tlsKeyStorePassword", PASSWORD));
        Map<String, String> client = new HashMap<>(CrossInstanceIT.ipc("client", hubPort));
        client.putAll(Map.of("tls", "true", "tlsTrustStore", certificate.toString(), "tlsVerifyHostname", "true"));
        a = new KarafProcess("a").withConfig("org.kervi.core", Map.of("instanceId", "a"))
                .withConfig("org.kervi.ipc", hub);
        b = new KarafProcess("b").withConfig("org.kervi.core", Map.of("instanceId", "b"))
                .withConfig("org.kervi.ipc", client);
        KarafProcess.startAll(a, b);
        a.execute("feature:install kervi-ipc kervi-example-sensors-simulated");
        b.execute("feature:install kervi-ipc kervi-example-controllers");

        b.awaitOutput("kervi:links", out -> out.contains("resolved") && !out.contains("unresolved"), TIMEOUT);
        a.execute("kervi:value-set cpu_load.setpoint 60");
        b.awaitOutput("kervi:value-get fan_controller.temp", out -> out.trim().equals("60 %"), TIMEOUT);
        assertEquals("a calls b's action over TLS", "75 %",
                a.execute("kervi:action fan_controller.activate true").trim());
        a.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("75 %"), TIMEOUT);
        assertEquals("the hub published its certificate for clients", certificateIn(certificate),
                certificateIn(a.home().resolve("etc/kervi-ipc-hub.crt")));
    }

    @Test
    public void spawnedModulesTrustTheHubsPublishedCertificate() throws Exception {
        Path dir = Files.createTempDirectory("kervi-tls-it");
        Path keyStore = dir.resolve("hub.p12");
        keytool("-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=hub",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD);
        Map<String, String> hub = new HashMap<>(CrossInstanceIT.ipc("hub", Ports.free()));
        hub.putAll(Map.of("tls", "true", "tlsKeyStore", keyStore.toString(), "tlsKeyStorePassword", PASSWORD));
        a = new KarafProcess("root").withConfig("org.kervi.ipc", hub)
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", Map.of("appId", "fan-demo", "name", "Fan demo",
                        "startupTimeoutSeconds", "90", "modules", "sensors, controllers",
                        "module.sensors.features", "kervi-example-sensors-simulated",
                        "module.controllers.features", "kervi-example-controllers"));
        a.start();
        a.execute("feature:install kervi-ipc kervi-example-app");
        a.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);
        a.execute("kervi:value-set cpu_load.setpoint 60");
        a.awaitOutput("kervi:value-get fan_controller.fan_speed", out -> out.trim().equals("75 %"), TIMEOUT);
        String child = Files.readString(a.home().resolve("instances/sensors/etc/org.kervi.ipc.cfg"));
        assertTrue(child, child.contains("tls = true") && child.contains("kervi-ipc-hub.crt"));
        assertFalse("no store password in a module instance:\n" + child, child.contains(PASSWORD));
    }

    private static Certificate certificateIn(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
