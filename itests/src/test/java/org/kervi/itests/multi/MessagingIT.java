package org.kervi.itests.multi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;
import org.kervi.testkit.CommandResult;
import org.kervi.testkit.KarafProcess;

/**
 * Messaging channels in a real Karaf (issue #13 point 9): {@code kervi-automation} (the user log) and
 * {@code kervi-messaging} installed at runtime, an email channel to a real SMTPS server (GreenMail in this JVM, a
 * keytool certificate the channel trusts by its PEM file, the password from a file) and a webhook channel to the
 * JDK's HTTP server with a secret header. An entry logged with {@code kervi:log-add}
 * reaches both; a test message goes out by {@code kervi:channel-test}; the webhook's rate limit sends its limit and
 * one summary; a refused configuration is listed with its pid and field while the instance keeps running; no
 * credential appears in the log. Installing the feature refreshes no bundle, uninstalling it only its own.
 */
public class MessagingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String STORE_PASSWORD = "messaging-store-pw";
    private static final String SMTP_PASSWORD = "smtp-Secret-4711";
    private static final String HOOK_SECRET = "hook-Secret-0815";
    private static final List<String> FEATURE_BUNDLES = List.of("org.kervi.messaging/",
            "org.eclipse.angus.jakarta.mail/", "angus-activation/", "jakarta.activation-api/");
    private KarafProcess karaf;
    private GreenMail smtp;
    private HttpServer hook;
    private final BlockingQueue<JsonObject> posted = new LinkedBlockingQueue<>();

    @After
    public void cleanUp() {
        KarafProcess.closeAll(karaf);
        if (smtp != null) {
            smtp.stop();
        }
        if (hook != null) {
            hook.stop(0);
        }
    }

    @Test
    public void userLogEntriesReachTheSmtpServerAndTheWebhook() throws Exception {
        karaf = new KarafProcess("messaging");
        Path keystore = karaf.home().resolve("etc/smtp-server.p12");
        Keytool.serverKeyStore(keystore, STORE_PASSWORD);
        Path pem = karaf.home().resolve("etc/smtp-server.pem");
        Keytool.exportPem(keystore, STORE_PASSWORD, pem);
        int smtpsPort = startSmtps(keystore);
        int hookPort = startWebhook();

        karaf.withFile("etc/smtp.password", SMTP_PASSWORD + "\n")
                .withConfig("org.kervi.messaging.email-ops", Map.of("id", "ops", "host", "127.0.0.1", "port",
                        Integer.toString(smtpsPort), "security", "smtps", "trustedCertificates", pem.toString(),
                        "username", "kervi", "passwordFile", karaf.home().resolve("etc/smtp.password").toString(),
                        "from", "kervi@example.com", "to", "ops@example.com", "minLevel", "WARNING"))
                .withConfig("org.kervi.messaging.webhook-chat", Map.of("id", "chat", "url", "http://127.0.0.1:"
                        + hookPort + "/hook", "secret", HOOK_SECRET, "minLevel", "INFO", "sources", "fan.*, pump.*",
                        "maxMessages", "3", "perSeconds", "30"))
                .start();
        karaf.execute("feature:install kervi-automation", Duration.ofSeconds(120));
        List<String> refreshedBefore = GpioChannelsIT.refreshedBundles(karaf);
        karaf.execute("feature:install kervi-messaging", Duration.ofSeconds(120));
        assertEquals("installing kervi-messaging refreshes no bundle", List.of(),
                GpioChannelsIT.since(refreshedBefore, GpioChannelsIT.refreshedBundles(karaf)));
        String channels = karaf.awaitOutput("kervi:channels --no-format", out -> row(out, "ops").size() > 6
                && row(out, "chat").size() > 6, TIMEOUT);
        assertEquals(channels, List.of("email", "ready", "smtps://127.0.0.1:" + smtpsPort + " to ops@example.com",
                "WARNING+ from any source", "10 per 60 s"), row(channels, "ops").subList(1, 6));
        assertEquals(channels, List.of("webhook", "ready", "http://127.0.0.1:" + hookPort + "/…",
                "INFO+ from fan.*, pump.*", "3 per 30 s"), row(channels, "chat").subList(1, 6));

        String test = karaf.execute("kervi:channel-test ops");
        assertEquals("sent a test message through email channel ops to smtps://127.0.0.1:" + smtpsPort
                + " to ops@example.com", test.trim());
        assertTrue("the SMTP server got the test message", smtp.waitForIncomingEmail(TIMEOUT.toMillis(), 1));
        assertEquals("[kervi] INFO messaging.ops: Test message of channel ops (kervi:channel-test)",
                smtp.getReceivedMessages()[0].getSubject());

        append("WARNING", "fan.temperature", "Temperature entered the warning range: 71.5 C");
        assertTrue("the SMTP server got the entry", smtp.waitForIncomingEmail(TIMEOUT.toMillis(), 2));
        MimeMessage mail = smtp.getReceivedMessages()[1];
        assertEquals("[kervi] WARNING fan.temperature: Temperature entered the warning range: 71.5 C",
                mail.getSubject());
        assertTrue(mail.getContent().toString(), mail.getContent().toString().contains("instance: root"));
        JsonObject entry = nextPost();
        assertEquals("entry", entry.get("type").getAsString());
        assertEquals(List.of("chat", "WARNING", "fan.temperature", "root",
                "Temperature entered the warning range: 71.5 C", HOOK_SECRET), List.of(entry.get("channel")
                        .getAsString(), entry.get("level").getAsString(), entry.get("source").getAsString(),
                        entry.get("instance").getAsString(), entry.get("message").getAsString(),
                        entry.get("secretHeader").getAsString()));

        // flapping sources: the webhook's window (3 per 30 s) is one message down; the summary comes when it ends
        for (int i = 1; i <= 6; i++) {
            append("INFO", "pump." + i, "pump " + i + " switched");
        }
        assertEquals("pump 1 switched", nextPost().get("message").getAsString());
        assertEquals("pump 2 switched", nextPost().get("message").getAsString());
        JsonObject summary = nextPost();
        assertEquals(summary.toString(), "suppressed", summary.get("type").getAsString());
        assertEquals(summary.toString(), 4, summary.get("suppressed").getAsInt());
        assertTrue(summary.toString(), summary.get("message").getAsString().endsWith("last: INFO pump.6: pump 6"
                + " switched"));
        String counted = karaf.awaitOutput("kervi:channels --no-format", out -> row(out, "chat").size() > 8
                && row(out, "chat").get(6).equals("4"), TIMEOUT);
        assertEquals(counted, List.of("4", "0", "4"), row(counted, "chat").subList(6, 9));
        assertEquals(counted, List.of("2", "0", "0"), row(counted, "ops").subList(6, 9));
        assertEquals("INFO entries are below the email channel's level", 2, smtp.getReceivedMessages().length);

        karaf.execute("config:edit --factory --alias broken org.kervi.messaging.webhook\n"
                + "config:property-set id broken\nconfig:property-set url ftp://example.com/hook\n"
                + "config:property-set maxMessages 0\nconfig:update");
        String refused = karaf.awaitOutput("kervi:channels --no-format", out -> row(out, "broken").size() > 9,
                TIMEOUT);
        List<String> broken = row(refused, "broken");
        assertEquals(refused, "refused", broken.get(2));
        String pid = pidOf(broken.get(9));
        assertTrue(refused, pid.startsWith("org.kervi.messaging.webhook") && broken.get(9).startsWith(pid
                + ": maxMessages: 0 is out of range [1, 10000]; url: 'ftp://example.com/hook' is not an http:// or"
                + " https:// url"));
        CommandResult refusedTest = karaf.run("kervi:channel-test broken");
        assertTrue(refusedTest.toString(), refusedTest.failed());
        assertTrue(refusedTest.toString(), refusedTest.output().contains("channel broken is refused: "));
        CommandResult unknown = karaf.run("kervi:channel-test nope");
        assertTrue(unknown.toString(), unknown.failed());
        assertTrue(unknown.toString(), unknown.output().contains("no channel 'nope'; channels: broken, chat, ops"));
        assertEquals("the instance keeps running", "sent a test message through webhook channel chat to"
                + " http://127.0.0.1:" + hookPort + "/…", karaf.execute("kervi:channel-test chat").trim());
        assertEquals("test", nextPost().get("type").getAsString());

        List<String> refreshedBeforeUninstall = GpioChannelsIT.refreshedBundles(karaf);
        karaf.execute("feature:uninstall kervi-messaging", Duration.ofSeconds(120));
        List<String> refreshedByUninstall = GpioChannelsIT.since(refreshedBeforeUninstall,
                GpioChannelsIT.refreshedBundles(karaf));
        assertTrue("uninstalling refreshes only the feature's own bundles: " + refreshedByUninstall,
                refreshedByUninstall.stream().allMatch(b -> FEATURE_BUNDLES.stream().anyMatch(b::startsWith)
                        && b.endsWith("(Bundle will be uninstalled)")));
        CommandResult gone = karaf.run("kervi:channels");
        assertTrue(gone.toString(), gone.failed() && gone.output().contains("messaging is not running in this"
                + " instance: feature:install kervi-messaging"));
        karaf.execute("kervi:log-add error pump after uninstall");

        String log = Files.readString(karaf.karafLog());
        assertFalse("the SMTP password is not in karaf.log", log.contains(SMTP_PASSWORD));
        assertFalse("the webhook secret is not in karaf.log", log.contains(HOOK_SECRET));
        assertTrue("karaf.log names the refused configuration", log.contains("Messaging channel refused: " + pid
                + ": maxMessages: 0"));
    }

    /** The pid that starts a refused channel's error ("org.kervi.messaging.webhook.<uuid>: ..."). */
    private static String pidOf(String error) {
        int colon = error.indexOf(':');
        assertTrue(error, colon > 0);
        return error.substring(0, colon);
    }

    private void append(String level, String source, String message) {
        karaf.execute("kervi:log-add " + level + " " + source + " " + message);
    }

    private JsonObject nextPost() throws InterruptedException {
        JsonObject post = posted.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertTrue("no webhook post within " + TIMEOUT, post != null);
        return post;
    }

    private int startSmtps(Path keystore) {
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
        System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
        smtp.setUser("kervi@example.com", "kervi", SMTP_PASSWORD);
        smtp.start();
        return smtp.getSmtps().getPort();
    }

    private int startWebhook() throws Exception {
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", exchange -> {
            JsonObject json = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            json.addProperty("secretHeader", String.valueOf(exchange.getRequestHeaders().getFirst("X-Kervi-Secret")));
            posted.add(json);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        return hook.getAddress().getPort();
    }

    /** The tab-separated cells of the {@code --no-format} row whose first cell is {@code id}; empty if none. */
    private static List<String> row(String table, String id) {
        for (String line : table.split("\\R")) {
            String[] cells = line.split("\t", -1);
            if (cells[0].trim().equals(id)) {
                return java.util.Arrays.stream(cells).map(String::trim).toList();
            }
        }
        return List.of();
    }
}
