package org.kervi.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kervi.api.userlog.UserLogLevel;

/** Refused configurations: one message naming the pid and every field at fault, and never a secret. */
class SettingsTest {
    private static final String EMAIL_PID = "org.kervi.messaging.email~ops";
    private static final String WEBHOOK_PID = "org.kervi.messaging.webhook~chat";

    @TempDir
    Path folder;

    @Test
    void aGoodEmailConfigurationTakesDefaultsPerSecurity() {
        EmailSettings s = email(Map.of());
        assertEquals(587, s.port());
        assertEquals(SmtpSecurity.STARTTLS, s.security());
        assertEquals("smtp://mail.example.com:587 (starttls) to ops@example.com, oncall@example.com", s.target());
        assertEquals(UserLogLevel.WARNING, s.common().filter().minLevel());
        assertEquals(465, email(Map.of("security", "SMTPS")).port());
        assertEquals("WARNING+ from any source", s.common().filter().describe());
        assertEquals(2, email(Map.of("to", new String[] {"a@example.com, b@example.com"})).to().size(),
                "a .cfg file gives a list as one text with commas");
    }

    @Test
    void everyEmailProblemIsNamedWithItsFieldInOneMessage() {
        String message = emailProblem(Map.of("id", "", "host", " ", "port", 70000, "to", new String[0],
                "from", "not an address", "minLevel", "warn", "maxMessages", 0, "perSeconds", -5, "sources",
                new String[] {"fan.*", "bad id!"}));
        assertTrue(message.startsWith(EMAIL_PID + ": "), message);
        for (String expected : List.of("id: missing", "host: missing", "port: 70000 is not a TCP port",
                "to: missing: name at least one recipient", "from: 'not an address' is not an email address",
                "minLevel: 'warn' is not one of INFO, WARNING, ERROR", "maxMessages: 0 is out of range [1, 10000]",
                "perSeconds: -5 is out of range [1, 86400]", "sources: 'bad id!' is neither an id nor an id prefix")) {
            assertTrue(message.contains(expected), "'" + expected + "' in: " + message);
        }
    }

    @Test
    void credentialsAreNeverSentInClearAndNeverQuoted() {
        String clear = emailProblem(Map.of("security", "none", "username", "kervi", "password", "s3cret-value"));
        assertTrue(clear.contains("security: none would send the credentials in clear"), clear);
        String half = emailProblem(Map.of("username", "kervi"));
        assertTrue(half.contains("password: give both username and a password"), half);
        String both = emailProblem(Map.of("username", "kervi", "password", "s3cret-value", "passwordFile",
                folder.resolve("pw").toString()));
        assertTrue(both.contains("password: give either password or passwordFile, not both"), both);
        for (String message : List.of(clear, half, both)) {
            assertTrue(!message.contains("s3cret-value"), message);
        }
    }

    @Test
    void thePasswordFileGivesItsFirstLineAndAMissingFileIsNamed() throws Exception {
        Path file = folder.resolve("smtp-password");
        Files.writeString(file, "from-the-file\nignored\n");
        EmailSettings s = email(Map.of("username", "kervi", "passwordFile", file.toString()));
        assertEquals("from-the-file", s.password());
        String missing = emailProblem(Map.of("username", "kervi", "passwordFile", folder.resolve("nope")
                .toString()));
        assertTrue(missing.contains("passwordFile: " + folder.resolve("nope") + " cannot be read"
                + " (NoSuchFileException)"), missing);
    }

    @Test
    void aTrustFileThatIsNoCertificateIsNamed() throws Exception {
        Path notPem = folder.resolve("not.pem");
        Files.writeString(notPem, "hello");
        String message = emailProblem(Map.of("trustedCertificates", notPem.toString()));
        assertTrue(message.contains("trustedCertificates: " + notPem + " "), message);
    }

    @Test
    void webhookUrlsAndSecretsAreChecked() {
        WebhookSettings good = webhook(Map.of("url", "https://hooks.example.com/services/T0/B0/token"));
        assertEquals("https://hooks.example.com/…", good.target(), "the path may hold a token");
        assertEquals("ERROR+ from fan.*", webhook(Map.of("minLevel", "error", "sources", new String[] {"fan.*"}))
                .common().filter().describe());
        assertTrue(webhookProblem(Map.of("url", "")).contains("url: missing"));
        assertTrue(webhookProblem(Map.of("url", "ftp://example.com/x")).contains(
                "url: 'ftp://example.com/x' is not an http:// or https:// url"));
        String clear = webhookProblem(Map.of("url", "http://hooks.example.com/x", "secret", "tok3n"));
        assertTrue(clear.startsWith(WEBHOOK_PID + ": secret: would cross the network in clear"), clear);
        assertTrue(!clear.contains("tok3n"), clear);
        webhook(Map.of("url", "http://127.0.0.1:8080/hook", "secret", "tok3n"));
        assertTrue(webhookProblem(Map.of("secret", "x", "secretHeader", "bad header")).contains(
                "secretHeader: 'bad header' is not an HTTP header name"));
        assertTrue(webhookProblem(Map.of("timeoutSeconds", 0)).contains("timeoutSeconds: 0 is out of range"));
    }

    private static EmailSettings email(Map<String, Object> changes) {
        return EmailSettings.of(EMAIL_PID, Configs.of(EmailChannelConfig.class, withDefaults(changes, Map.of("id",
                "ops", "host", "mail.example.com", "from", "kervi@example.com", "to", new String[] {"ops@example.com",
                        "oncall@example.com"}))));
    }

    private static String emailProblem(Map<String, Object> changes) {
        return assertThrows(IllegalArgumentException.class, () -> email(changes)).getMessage();
    }

    private static WebhookSettings webhook(Map<String, Object> changes) {
        return WebhookSettings.of(WEBHOOK_PID, Configs.of(WebhookChannelConfig.class, withDefaults(changes,
                Map.of("id", "chat", "url", "https://hooks.example.com/"))));
    }

    private static String webhookProblem(Map<String, Object> changes) {
        return assertThrows(IllegalArgumentException.class, () -> webhook(changes)).getMessage();
    }

    private static Map<String, Object> withDefaults(Map<String, Object> changes, Map<String, Object> base) {
        Map<String, Object> all = new HashMap<>(base);
        all.putAll(changes);
        return all;
    }
}
