package org.kervi.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.userlog.UserLogLevel;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The email channel against real SMTP servers in this JVM, both with TLS and a self-signed certificate trusted by
 * the channel's {@code trustedCertificates}: GreenMail on SMTPS, SubEthaSMTP with STARTTLS and authentication
 * required.
 */
class SmtpTransportTest {
    private static final String USER = "kervi";
    private static final String PASSWORD = "smtp-pa55";
    private GreenMail greenMail;
    private SMTPServer subetha;

    @TempDir
    Path folder;

    @BeforeAll
    static void serverCertificate() throws Exception {
        System.setProperty("greenmail.tls.keystore.file", TestCertificate.shared().keyStore.toString());
        System.setProperty("greenmail.tls.keystore.password", TestCertificate.PASSWORD);
        System.setProperty("greenmail.tls.key.password", TestCertificate.PASSWORD);
    }

    @AfterEach
    void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
        if (subetha != null) {
            subetha.stop();
        }
    }

    @Test
    void smtpsDeliversTheEntryWithSubjectAndBody() throws Exception {
        int port = startGreenMail();
        Path passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        SmtpTransport transport = transport(Map.of("security", "smtps", "port", port, "passwordFile",
                passwordFile.toString()));
        assertEquals("smtps://127.0.0.1:" + port + " to ops@example.com", transport.target());
        transport.send(ChannelMessage.entry(Entries.entry(UserLogLevel.ERROR, "fan.temperature",
                "Temperature entered the error range (85.0 °C)")));

        assertTrue(greenMail.waitForIncomingEmail(20_000, 1));
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertEquals("[kervi] ERROR fan.temperature: Temperature entered the error range (85.0 °C)",
                mail.getSubject());
        assertEquals("kervi@example.com", mail.getFrom()[0].toString());
        String body = mail.getContent().toString();
        assertTrue(body.startsWith("Temperature entered the error range (85.0 °C)"), body);
        assertTrue(body.contains("instance: root"), body);
    }

    @Test
    void aWrongPasswordOrAnUntrustedServerIsAClearFailure() throws Exception {
        int port = startGreenMail();
        Exception wrong = assertThrows(Exception.class, () -> transport(Map.of("security", "smtps", "port", port,
                "password", "wrong")).send(test()));
        assertTrue(wrong.getMessage().toLowerCase().contains("auth"), wrong.getMessage());
        Map<String, Object> untrusted = new HashMap<>(Map.of("security", "smtps", "port", port, "password",
                PASSWORD, "trustedCertificates", ""));
        Exception tls = assertThrows(Exception.class, () -> transport(untrusted).send(test()));
        assertTrue(String.valueOf(tls.getCause()).contains("SSLHandshakeException"), String.valueOf(tls));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void starttlsUpgradesBeforeAuthenticatingAndDelivers() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        subetha = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress())
                .startTlsSocketFactory(TestCertificate.shared().serverContext()).enableTLS().requireTLS()
                .requireAuth().authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, pass, ctx) -> {
                    if (!USER.equals(user) || !PASSWORD.equals(pass)) {
                        throw new LoginFailedException();
                    }
                }))
                .messageHandler((context, from, to, data) -> received.add(new String(data, StandardCharsets.UTF_8)))
                .build();
        subetha.start();
        SmtpTransport transport = transport(Map.of("security", "starttls", "port", subetha.getPortAllocated()));
        transport.send(ChannelMessage.entry(Entries.entry(UserLogLevel.WARNING, "pump", "Pump ran dry")));

        String raw = received.poll(20, TimeUnit.SECONDS);
        assertTrue(raw != null, "no mail arrived");
        MimeMessage mail = new MimeMessage(null, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        assertEquals("[kervi] WARNING pump: Pump ran dry", mail.getSubject());
    }

    private int startGreenMail() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort());
        greenMail.setUser("kervi@example.com", USER, PASSWORD);
        greenMail.start();
        return greenMail.getSmtps().getPort();
    }

    private SmtpTransport transport(Map<String, Object> changes) throws Exception {
        Map<String, Object> properties = new HashMap<>(Map.of("id", "ops", "host", "127.0.0.1", "from",
                "kervi@example.com", "to", new String[] {"ops@example.com"}, "username", USER, "password", PASSWORD,
                "trustedCertificates", TestCertificate.shared().pem.toString(), "timeoutSeconds", 10));
        properties.putAll(changes);
        if (properties.containsKey("passwordFile")) {
            properties.remove("password");
        }
        return new SmtpTransport(EmailSettings.of("org.kervi.messaging.email~ops",
                Configs.of(EmailChannelConfig.class, properties)));
    }

    private static ChannelMessage test() {
        return ChannelMessage.test("ops", "root", Instant.now());
    }
}
