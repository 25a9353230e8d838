package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.KarafProcess;

/**
 * Issue 12: module instances verify their hub (protocol version 3). With the root killed, a fake hub on the hub's
 * port gets hellos but no answer derived from a key, and nothing it sends is executed; a module's key does not open
 * another instance id.
 */
public class RogueHubIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REPLACEMENT = Duration.ofSeconds(150);
    private static final String APP = "it";
    private KarafProcess root;
    private int hubPort;

    @After
    public void cleanUp() {
        KarafProcess.closeAll(root);
    }

    @Test
    public void modulesRefuseARogueHubAndRejoinTheRealOne() throws Exception {
        root = fanDemo(Map.of("hubGraceSeconds", "600"));
        root.start();
        root.execute("feature:install kervi-ipc kervi-example-app");
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);
        assertModuleHasOnlyItsOwnKey("sensors");
        assertModuleHasOnlyItsOwnKey("controllers");
        String modules = root.execute("kervi:modules --no-format");
        long sensorsPid = FanDemoIT.pid(modules, "sensors");
        long controllersPid = FanDemoIT.pid(modules, "controllers");
        Map<String, Long> connectsBefore = Map.of("sensors", connects("sensors"), "controllers",
                connects("controllers"));
        assertTrue("the modules' logs show their connections to the real hub: " + connectsBefore,
                connectsBefore.values().stream().allMatch(n -> n >= 1));

        ProcessHandle rootJvm = ProcessHandle.of(root.pid()).orElseThrow();
        rootJvm.destroyForcibly();
        rootJvm.onExit().get(10, TimeUnit.SECONDS);
        try (RogueHub rogue = new RogueHub(hubPort)) {
            Poll.until("both modules tried the rogue hub twice", TIMEOUT, () -> visits(rogue, "sensors") >= 2
                    && visits(rogue, "controllers") >= 2 ? Boolean.TRUE : null);
            for (RogueHub.Visit visit : rogue.visits()) {
                assertTrue("no frame after the hello (no auth, no reply to the call or write): " + visit,
                        visit.framesAfterHello().isEmpty());
                assertTrue("the module closed the connection: " + visit, visit.closedByClient());
            }
            for (String module : List.of("sensors", "controllers")) {
                Path log = root.home().resolve("instances/" + module + "/data/log/karaf.log");
                Poll.until(module + " logs that the hub did not prove itself", TIMEOUT,
                        () -> contains(log, "could not prove that it knows the key of instance '" + module + "'"));
                // a client hands frames to the instance only once connected: it never was to the rogue
                assertEquals(module + " never counted itself connected to the rogue hub",
                        connectsBefore.get(module), Long.valueOf(connects(module)));
            }
            assertTrue("the modules wait for their application", alive(sensorsPid) && alive(controllersPid));
        }

        root.restart();
        String again = root.awaitOutput("kervi:modules --no-format",
                out -> "running".equals(FanDemoIT.cell(out, "sensors", 2))
                        && "running".equals(FanDemoIT.cell(out, "controllers", 2)), REPLACEMENT);
        assertNotEquals("a module instance runs again", 0, FanDemoIT.pid(again, "sensors"));
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);
        assertNotEquals("the rogue's write never landed", "3 %",
                root.execute("kervi:value-get fan_controller.max_speed").trim());
    }

    @Test
    public void aModulesKeyCannotSayHelloAsAnotherInstance() throws Exception {
        root = fanDemo(Map.of());
        root.start();
        root.execute("feature:install kervi-ipc kervi-example-app");
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);
        byte[] sensorsKey = root.execute("kervi:instance-key sensors").trim().getBytes(StandardCharsets.UTF_8);
        byte[] controllersKey = root.execute("kervi:instance-key controllers").trim()
                .getBytes(StandardCharsets.UTF_8);
        root.execute("kervi:module-stop controllers");
        root.awaitOutput("kervi:modules --no-format", out -> "stopped".equals(FanDemoIT.cell(out, "controllers", 2)),
                TIMEOUT);

        JsonObject refusal = handshake("controllers", sensorsKey);
        assertEquals(refusal.toString(), "error", refusal.get("t").getAsString());
        assertEquals(refusal.toString(), "AUTH_FAILED", refusal.get("code").getAsString());
        assertEquals("the right key is let in: the test's client is right", "welcome",
                handshake("controllers", controllersKey).get("t").getAsString());
        Poll.until("the hub logs the refusal", TIMEOUT,
                () -> contains(root.karafLog(), "instance 'controllers' from /127.0.0.1"));

        root.execute("kervi:module-start controllers");
        root.awaitOutput("kervi:modules --no-format", out -> "running".equals(FanDemoIT.cell(out, "controllers", 2)),
                REPLACEMENT);
        root.awaitOutput("kervi:value-get fan_controller.active", out -> out.trim().equals("true"),
                FanDemoIT.APP_READY);
    }

    /**
     * Says hello as {@code instance} and answers the challenge with {@code key} whatever the hub's proof; returns
     * the hub's answer to the {@code auth}. Checks that the hub's proof matches the key exactly when it is that
     * instance's key.
     */
    private JsonObject handshake(String instance, byte[] key) throws Exception {
        try (Socket s = new Socket("127.0.0.1", hubPort)) {
            s.setSoTimeout(15_000);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            String clientNonce = IpcWire.nonce();
            JsonObject hello = IpcWire.frame("hello");
            hello.addProperty("v", 3);
            hello.addProperty("app", APP);
            hello.addProperty("inst", instance);
            hello.addProperty("nonce", clientNonce);
            IpcWire.write(out, hello);
            JsonObject challenge = IpcWire.read(in, 1024);
            assertEquals(challenge.toString(), "challenge", challenge.get("t").getAsString());
            String hubNonce = challenge.get("nonce").getAsString();
            String proof = IpcWire.hmac(key, "hub|" + APP + "|" + instance + "|" + clientNonce + "|" + hubNonce);
            boolean ownKey = proof.equals(challenge.get("proof").getAsString());
            JsonObject auth = IpcWire.frame("auth");
            auth.addProperty("mac", IpcWire.hmac(key, "client|" + APP + "|" + instance + "|" + hubNonce + "|"
                    + clientNonce));
            IpcWire.write(out, auth);
            JsonObject answer = IpcWire.read(in, 1 << 20);
            assertEquals("the hub's proof matches exactly the instance's own key", ownKey,
                    "welcome".equals(answer.get("t").getAsString()));
            if (!ownKey) {
                assertClosed(in);
            }
            return answer;
        }
    }

    private static void assertClosed(DataInputStream in) throws Exception {
        try {
            in.readInt();
            throw new AssertionError("the hub should close the connection after AUTH_FAILED");
        } catch (EOFException | SocketException closed) {
            // closed
        }
    }

    private void assertModuleHasOnlyItsOwnKey(String module) throws Exception {
        Path etc = root.home().resolve("instances/" + module + "/etc");
        Path keyFile = etc.resolve("kervi.instance.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals(root.execute("kervi:instance-key " + module).trim(), Files.readString(keyFile).trim());
        String ipc = Files.readString(etc.resolve("org.kervi.ipc.cfg"));
        assertTrue(ipc, ipc.contains("instanceKeyFile"));
        assertFalse("the master secret is not copied: " + ipc, ipc.contains("secret"));
        assertFalse(Files.exists(etc.resolve("kervi.secret")));
    }

    /** How often the module's log says it connected to a hub. */
    private long connects(String module) throws java.io.IOException {
        Path log = root.home().resolve("instances/" + module + "/data/log/karaf.log");
        return Files.readAllLines(log).stream()
                .filter(l -> l.contains("Kervi IPC: instance '" + module + "' connected to the hub at")).count();
    }

    /** TRUE once the file holds the text, else null (for {@link Poll#until}). */
    private static Boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text) ? Boolean.TRUE : null;
        } catch (java.io.IOException notYet) {
            return null;
        }
    }

    private static long visits(RogueHub rogue, String instance) {
        return rogue.visits().stream().filter(v -> v.instance().equals(instance)).count();
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private KarafProcess fanDemo(Map<String, String> extra) {
        hubPort = Ports.free();
        Map<String, String> settings = new LinkedHashMap<>(Map.of("appId", "fan-demo", "name", "Fan demo",
                "startupTimeoutSeconds", "90", "modules", "sensors, controllers",
                "module.sensors.features", "kervi-example-sensors-simulated",
                "module.controllers.features", "kervi-example-controllers"));
        settings.putAll(extra);
        return new KarafProcess("root").withConfig("org.kervi.ipc", CrossInstanceIT.ipc("hub", hubPort))
                .withConfig("org.kervi.core", Map.of("readyOnStart", "false"))
                .withConfig("org.kervi.app", settings);
    }
}
