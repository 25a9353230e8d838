package org.kervi.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import org.junit.Test;
import org.kervi.api.actions.ActionService;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.ValueEntry;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The IPC bundle in a real Karaf: configured as a hub through ConfigurationAdmin, it connects this instance; a
 * "remote instance" speaking the wire protocol on a plain socket registers a value and an action, which appear in
 * the registry, the shell and the action service, and leave when it disconnects.
 */
public class IpcIT extends KerviTestSupport {
    private static final String SECRET = "itest-secret";

    @Inject
    protected KerviRegistry registry;

    @Inject
    protected ActionService actions;

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Test
    public void aRemoteInstanceShowsUpAsLocalValuesAndActions() throws Exception {
        int port = freePort();
        Configuration config = configAdmin.getConfiguration("org.kervi.ipc", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("role", "hub");
        props.put("port", port);
        props.put("secret", SECRET);
        config.update(props);
        installFeature("kervi-ipc");
        String self = registry.instanceId();
        waitFor(Duration.ofSeconds(20), () -> command("kervi:instances --no-format").contains("connected")
                && command("kervi:instances --no-format").contains(self));

        try (RawInstance remote = new RawInstance(port, "remote1")) {
            // remote1.echo as a peer that predates result units sends it; remote1.volts with unit and decimals
            remote.send("{\"t\":\"register\",\"values\":[{\"id\":\"remote1.temp\",\"kind\":\"number\","
                    + "\"role\":\"sensor\",\"name\":\"Remote temperature\",\"component\":\"remote1\","
                    + "\"attrs\":{\"unit\":\"C\",\"min\":0,\"max\":100}}],\"actions\":[{\"id\":\"remote1.echo\","
                    + "\"name\":\"Echo\",\"params\":[{\"name\":\"text\",\"type\":\"text\"}],\"returns\":\"text\","
                    + "\"timeout\":5000},{\"id\":\"remote1.volts\",\"component\":\"remote1\",\"returns\":\"number\","
                    + "\"unit\":\"V\",\"decimals\":1}]}");
            remote.send("{\"t\":\"value\",\"id\":\"remote1.temp\",\"val\":42.5,\"ts\":1}");
            waitFor(Duration.ofSeconds(10), () -> registry.value("remote1.temp").map(e -> e.value().hasFired())
                    .orElse(false));
            ValueEntry entry = registry.value("remote1.temp").get();
            assertFalse(entry.local());
            assertEquals("remote1", entry.owner());
            assertEquals(42.5, entry.value().get());
            String values = executeCommand("kervi:values remote1");
            assertTrue(values, values.contains("42.5") && values.contains("remote1"));

            waitFor(Duration.ofSeconds(10), () -> actions.action("remote1.echo").isPresent());
            assertEquals("remote1", actions.action("remote1.echo").get().owner());
            assertEquals("", actions.action("remote1.echo").get().unit());
            assertEquals(-1, actions.action("remote1.echo").get().decimals());
            waitFor(Duration.ofSeconds(10), () -> actions.action("remote1.volts").isPresent());
            assertEquals("V", actions.action("remote1.volts").get().unit());
            assertEquals(1, actions.action("remote1.volts").get().decimals());
            String components = executeCommand("kervi:components --no-format");
            List<String> row = row(components, "remote1");
            assertEquals(components, List.of("remote1", "1", "1"), row.size() > 6 ? row.subList(4, 7) : row);
            assertFalse(components, executeCommand("kervi:components --local").contains("remote1"));
            Thread answer = new Thread(() -> remote.answerOneCall());
            answer.start();
            assertEquals("echo: hi", actions.call("remote1.echo", "hi").get(10, TimeUnit.SECONDS));
            answer.join(5000);

            String instances = executeCommand("kervi:instances --no-format");
            assertTrue(instances, instances.contains("remote1") && instances.contains("remote1.temp"));
        }
        waitFor(Duration.ofSeconds(10), () -> registry.value("remote1.temp").isEmpty()
                && actions.action("remote1.echo").isEmpty());

        props.put("port", 0);
        config.update(props);
        waitFor(Duration.ofSeconds(10), () -> command("kervi:instances").contains("port 0 is not in 1..65535"));
        config.delete();
        uninstallFeature("kervi-ipc");
    }

    /** The trimmed cells of the row whose first cell is {@code id} in a {@code --no-format} table. */
    static List<String> row(String table, String id) {
        return table.lines().map(l -> List.of(l.split("\t")).stream().map(String::trim).toList())
                .filter(cells -> cells.get(0).equals(id)).findFirst().orElse(List.of("(no row for " + id + ")"));
    }

    private String command(String command) {
        try {
            return executeCommand(command);
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** HMAC-SHA256 of {@code text} with {@code key}, Base64. */
    private static String hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A minimal instance speaking the wire protocol (docs/ipc-protocol.md) on a plain socket. */
    private static final class RawInstance implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final DataOutputStream out;

        RawInstance(int port, String instance) throws Exception {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = new DataOutputStream(socket.getOutputStream());
            byte[] nonceBytes = new byte[32];
            new java.security.SecureRandom().nextBytes(nonceBytes);
            String clientNonce = Base64.getEncoder().encodeToString(nonceBytes);
            send("{\"t\":\"hello\",\"v\":3,\"app\":\"kervi\",\"inst\":\"" + instance + "\",\"nonce\":\""
                    + clientNonce + "\"}");
            String challenge = readUntil("challenge");
            String hubNonce = field(challenge, "nonce");
            byte[] key = hmac(SECRET.getBytes(StandardCharsets.UTF_8), "kervi-instance-key|kervi|" + instance)
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals("the hub proves it knows this instance's key", hmac(key, "hub|kervi|" + instance + "|"
                    + clientNonce + "|" + hubNonce), field(challenge, "proof"));
            String answer = hmac(key, "client|kervi|" + instance + "|" + hubNonce + "|" + clientNonce);
            send("{\"t\":\"auth\",\"mac\":\"" + answer + "\"}");
            readUntil("welcome");
            Thread heartbeat = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        send("{\"t\":\"hb\"}");
                        Thread.sleep(500);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // closed
                }
            }, "raw-instance-heartbeat");
            heartbeat.setDaemon(true);
            heartbeat.start();
        }

        void send(String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            synchronized (out) {
                out.writeInt(bytes.length);
                out.write(bytes);
                out.flush();
            }
        }

        String readUntil(String... types) throws IOException {
            while (true) {
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                String json = new String(payload, StandardCharsets.UTF_8);
                for (String type : types) {
                    if (json.contains("\"t\":\"" + type + "\"")) {
                        return json;
                    }
                }
            }
        }

        void answerOneCall() {
            try {
                // a call from the hub's own instance comes as a start (a call that names its run, protocol 3)
                String call = readUntil("call", "start");
                String cid = call.replaceAll(".*\"cid\":(\\d+).*", "$1");
                String arg = call.replaceAll(".*\"args\":\\[\"([^\"]*)\"\\].*", "$1");
                send("{\"t\":\"reply\",\"cid\":" + cid + ",\"result\":\"echo: " + arg + "\"}");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static String field(String json, String name) {
            return json.replaceAll(".*\"" + name + "\":\"([^\"]*)\".*", "$1");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
