package org.kervi.ipc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.kervi.ipc.internal.tcp.Hmac;
import org.kervi.ipc.internal.tcp.TestCertificates;
import org.junit.jupiter.api.io.TempDir;

class IpcSettingsTest {
    @TempDir
    Path dir;

    /** A configuration as ConfigAdmin would give it, with the defaults unless changed. */
    private static class Config implements IpcConfig {
        String role = "hub";
        String transport = "tcp";
        int port = 9500;
        String secret = "";
        String secretFile = "";
        String instanceKey = "";
        String instanceKeyFile = "";
        long heartbeatMillis = 1000;
        long heartbeatTimeoutMillis = 3000;
        int maxFrameBytes = 1 << 20;
        boolean tls;
        String tlsKeyStore = "";
        String tlsTrustStore = "";

        @Override
        public Class<? extends Annotation> annotationType() {
            return IpcConfig.class;
        }

        @Override
        public String role() {
            return role;
        }

        @Override
        public String transport() {
            return transport;
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public String bindAddress() {
            return "127.0.0.1";
        }

        @Override
        public String secret() {
            return secret;
        }

        @Override
        public String secretFile() {
            return secretFile;
        }

        @Override
        public String applicationId() {
            return "kervi";
        }

        @Override
        public long heartbeatMillis() {
            return heartbeatMillis;
        }

        @Override
        public long heartbeatTimeoutMillis() {
            return heartbeatTimeoutMillis;
        }

        @Override
        public int maxFrameBytes() {
            return maxFrameBytes;
        }

        @Override
        public int outboundQueueSize() {
            return 10_000;
        }

        @Override
        public long callTimeoutMillis() {
            return 10_000;
        }

        @Override
        public int maxIdsPerInstance() {
            return 10_000;
        }

        @Override
        public int maxPendingCallsPerInstance() {
            return 1_000;
        }

        @Override
        public int maxValueEventsPerSecond() {
            return 50_000;
        }

        @Override
        public String instanceKey() {
            return instanceKey;
        }

        @Override
        public String instanceKeyFile() {
            return instanceKeyFile;
        }

        @Override
        public int maxHandshakeFrameBytes() {
            return 1024;
        }

        @Override
        public long handshakeTimeoutMillis() {
            return 5000;
        }

        @Override
        public int maxPendingHandshakes() {
            return 32;
        }

        @Override
        public int idReservationSeconds() {
            return 120;
        }

        @Override
        public boolean tls() {
            return tls;
        }

        @Override
        public String tlsKeyStore() {
            return tlsKeyStore;
        }

        @Override
        public String tlsKeyStorePassword() {
            return TestCertificates.PASSWORD;
        }

        @Override
        public String tlsTrustStore() {
            return tlsTrustStore;
        }

        @Override
        public String tlsTrustStorePassword() {
            return TestCertificates.PASSWORD;
        }

        @Override
        public boolean tlsVerifyHostname() {
            return false;
        }
    }

    @Test
    void anEmptySecretIsReadFromOrCreatedInTheSecretFileSharedByInstances() throws Exception {
        Config c = new Config();
        c.secretFile = dir.resolve("etc/kervi.secret").toString();
        IpcSettings first = IpcSettings.of(c, "root");
        Path file = dir.resolve("etc/kervi.secret");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.master.length >= 32);
        assertArrayEquals(first.master, IpcSettings.of(c, "child").master, "a second instance reads the same");
        assertFalse(first.client().toString().contains(new String(first.master)), "never in a log line");
    }

    @Test
    void aClientGivenItsInstanceKeyNeitherNeedsNorReadsTheMaster() throws Exception {
        Config c = new Config();
        c.role = "client";
        c.secretFile = dir.resolve("kervi.secret").toString();
        c.instanceKey = "  k-of-sensors-0123456789  ";
        IpcSettings byKey = IpcSettings.of(c, "sensors");
        assertArrayEquals("k-of-sensors-0123456789".getBytes(StandardCharsets.UTF_8), byKey.key);
        assertNull(byKey.master, "no master in an instance given its key");
        assertFalse(Files.exists(dir.resolve("kervi.secret")), "the master's file is not created");

        c.instanceKey = "";
        c.instanceKeyFile = dir.resolve("kervi.instance.key").toString();
        String missing = assertThrows(IllegalArgumentException.class, () -> IpcSettings.of(c, "sensors"))
                .getMessage();
        assertTrue(missing.contains("kervi.instance.key does not exist"), missing);
        Files.writeString(dir.resolve("kervi.instance.key"), "from-a-file-0123456789\n");
        assertArrayEquals("from-a-file-0123456789".getBytes(StandardCharsets.UTF_8), IpcSettings.of(c, "sensors").key);

        c.role = "hub";
        String hub = assertThrows(IllegalArgumentException.class, () -> IpcSettings.of(c, "root")).getMessage();
        assertTrue(hub.contains("role hub needs the master secret"), hub);
    }

    @Test
    void aClientGivenTheMasterDerivesItsOwnKey() {
        Config c = new Config();
        c.role = "client";
        c.secret = "the-master-secret-0123456789";
        IpcSettings s = IpcSettings.of(c, "sensors");
        assertArrayEquals(Hmac.instanceKey(c.secret.getBytes(StandardCharsets.UTF_8), "kervi", "sensors"), s.key);
        assertArrayEquals(c.secret.getBytes(StandardCharsets.UTF_8), s.master);
    }

    @Test
    void karafEtcIsExpandedInTheSecretFile() {
        Config c = new Config();
        c.secretFile = "${karaf.etc}/kervi.secret";
        String old = System.setProperty("karaf.etc", dir.toString());
        try {
            IpcSettings.of(c, "root");
            assertTrue(Files.exists(dir.resolve("kervi.secret")));
        } finally {
            if (old == null) {
                System.clearProperty("karaf.etc");
            } else {
                System.setProperty("karaf.etc", old);
            }
        }
    }

    @Test
    void aWrongConfigurationNamesEveryProblem() {
        Config c = new Config();
        c.role = "server";
        assertEquals("role 'server' is not one of hub, client, off",
                assertThrows(IllegalArgumentException.class, () -> IpcSettings.of(c, "root")).getMessage());
        c.role = "client";
        c.port = 70_000;
        c.heartbeatTimeoutMillis = 500;
        c.maxFrameBytes = 10;
        c.secret = "s";
        String message = assertThrows(IllegalArgumentException.class, () -> IpcSettings.of(c, "bad id")).getMessage();
        assertTrue(message.contains("port 70000 is not in 1..65535"), message);
        assertTrue(message.contains("heartbeatTimeoutMillis 500 must be above heartbeatMillis 1000"), message);
        assertTrue(message.contains("maxFrameBytes 10 is below 1024"), message);
        assertTrue(message.contains("instance id 'bad id' is not a valid id"), message);
        c.role = "off";
        assertEquals(IpcSettings.Role.OFF, IpcSettings.of(c, "bad id").role, "off needs nothing else");
    }

    @Test
    void tlsNeedsTheHubsKeyStoreOrTheClientsTrustStoreAndSaysWhichIsWrong() throws Exception {
        Config c = new Config();
        c.secret = "the-master-secret-0123456789";
        c.tls = true;
        c.tlsKeyStore = dir.resolve("missing.p12").toString();
        String hub = assertThrows(IllegalArgumentException.class, () -> IpcSettings.of(c, "root")).getMessage();
        assertTrue(hub.contains("tlsKeyStore " + c.tlsKeyStore + " does not exist"), hub);
        Path keyStore = TestCertificates.hubKeyStore(dir, "hub");
        c.tlsKeyStore = keyStore.toString();
        IpcSettings hubSettings = IpcSettings.of(c, "root");
        assertTrue(hubSettings.hub().tls() != null && hubSettings.client().tls() == null,
                "the hub's own client stays in-JVM");

        Path certificate = hubSettings.publishHubCertificate(dir);
        assertEquals(dir.resolve(IpcSettings.HUB_CERTIFICATE), certificate);
        assertTrue(Files.readString(certificate).startsWith("-----BEGIN CERTIFICATE-----"));

        c.role = "client";
        c.tlsTrustStore = certificate.toString();
        assertEquals(certificate.toString(), IpcSettings.of(c, "sensors").client().tls().store(),
                "the published PEM is a trust store, what spawned modules use");
        c.tlsTrustStore = keyStore.resolveSibling("kervi-ipc-trust.p12").toString();
        String client = assertThrows(IllegalArgumentException.class, () -> IpcSettings.of(c, "sensors")).getMessage();
        assertTrue(client.contains("tlsTrustStore " + c.tlsTrustStore + " does not exist"), client);
        c.tlsTrustStore = TestCertificates.trustStoreOf(keyStore, "hub").toString();
        assertEquals(c.tlsTrustStore, IpcSettings.of(c, "sensors").client().tls().store());

        c.tls = false;
        assertNull(IpcSettings.of(c, "sensors").client().tls(), "off by default: plain TCP");
    }

    @Test
    void theTransportIsTcpByDefaultAnotherNameSelectsAProviderAndABadNameIsRefused() throws Exception {
        Config c = new Config();
        c.secretFile = dir.resolve("kervi.secret").toString();
        IpcSettings tcp = IpcSettings.of(c, "root");
        assertEquals(IpcSettings.TCP, tcp.transport);
        assertTrue(tcp.runsHub());

        c.transport = " MQTT ";
        IpcSettings mqtt = IpcSettings.of(c, "root");
        assertEquals("mqtt", mqtt.transport);
        assertFalse(mqtt.runsHub(), "no TCP hub beside another transport");
        assertEquals("kervi", mqtt.transportSettings().applicationId());
        assertEquals("root", mqtt.transportSettings().instanceId());
        assertTrue(mqtt.transportSettings().root());

        c.transport = "tcp; rm -rf";
        String refused = assertThrows(IllegalArgumentException.class, () -> IpcSettings.of(c, "root")).getMessage();
        assertTrue(refused.contains("transport 'tcp; rm -rf' is not a transport name"), refused);
    }
}
