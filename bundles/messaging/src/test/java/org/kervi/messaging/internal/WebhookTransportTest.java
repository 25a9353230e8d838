package org.kervi.messaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kervi.api.userlog.UserLogLevel;

/** The webhook channel against a real HTTP(S) server in this JVM. */
class WebhookTransportTest {
    private HttpServer server;
    private final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();
    private volatile int status = 204;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheEntryAsJsonWithTheSecretHeader() throws Exception {
        start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        WebhookTransport transport = transport("http", Map.of("secret", "hook-secret"));
        transport.send(ChannelMessage.entry(Entries.entry(UserLogLevel.WARNING, "fan.temperature",
                "Temperature entered the warning range (71.5 °C)")));
        Map<String, String> request = received.take();
        assertEquals("hook-secret", request.get("x-kervi-secret"));
        assertEquals("application/json; charset=utf-8", request.get("content-type"));
        JsonObject json = JsonParser.parseString(request.get("body")).getAsJsonObject();
        assertEquals("chat", json.get("channel").getAsString());
        assertEquals("entry", json.get("type").getAsString());
        assertEquals("WARNING", json.get("level").getAsString());
        assertEquals("fan.temperature", json.get("source").getAsString());
        assertEquals("root", json.get("instance").getAsString());
        assertEquals("Temperature entered the warning range (71.5 °C)", json.get("message").getAsString());
        assertTrue(!json.has("suppressed"), json.toString());
    }

    @Test
    void aRefusingServerIsAnErrorWithItsStatusAndBody() throws Exception {
        start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        status = 403;
        WebhookTransport transport = transport("http", Map.of());
        IOException e = assertThrows(IOException.class, () -> transport.send(ChannelMessage.test("chat", "root",
                java.time.Instant.now())));
        assertEquals("HTTP 403 from http://127.0.0.1:" + server.getAddress().getPort() + "/…: go away",
                e.getMessage());
    }

    @Test
    void httpsTrustsOnlyTheConfiguredCertificate() throws Exception {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(TestCertificate.shared().serverContext()));
        start(https);
        transport("https", Map.of("trustedCertificates", TestCertificate.shared().pem.toString()))
                .send(ChannelMessage.test("chat", "root", java.time.Instant.now()));
        assertEquals("test", JsonParser.parseString(received.take().get("body")).getAsJsonObject().get("type")
                .getAsString());
        WebhookTransport untrusting = transport("https", Map.of());
        assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> untrusting.send(ChannelMessage.test("chat",
                "root", java.time.Instant.now())));
    }

    private void start(HttpServer http) {
        server = http;
        server.createContext("/hook", exchange -> {
            Map<String, String> request = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> request.put(name.toLowerCase(), values.get(0)));
            request.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            byte[] answer = status == 403 ? "go away".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    private WebhookTransport transport(String scheme, Map<String, Object> changes) {
        Map<String, Object> properties = new HashMap<>(Map.of("id", "chat", "url", scheme + "://127.0.0.1:"
                + server.getAddress().getPort() + "/hook"));
        properties.putAll(changes);
        return new WebhookTransport(WebhookSettings.of("org.kervi.messaging.webhook~chat",
                Configs.of(WebhookChannelConfig.class, properties)));
    }
}
