package org.kervi.messaging.internal;

import com.google.gson.Gson;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Posts each message as one JSON object ({@link WebhookPayload}). */
final class WebhookTransport implements Transport {
    private static final Gson GSON = new Gson();
    private static final int QUOTED_BODY = 200;
    private final WebhookSettings settings;
    private final HttpClient client;

    WebhookTransport(WebhookSettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.trust() != null) {
            builder.sslContext(settings.trust());
        }
        this.client = builder.build();
    }

    @Override
    public void send(ChannelMessage message) throws IOException, InterruptedException {
        String json = GSON.toJson(WebhookPayload.of(settings.common().id(), message));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (!settings.secret().isEmpty()) {
            request.header(settings.secretHeader(), settings.secret());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new IOException("HTTP " + response.statusCode() + " from " + target() + (body.isEmpty() ? ""
                    : ": " + (body.length() > QUOTED_BODY ? body.substring(0, QUOTED_BODY) + "…" : body)));
        }
    }

    @Override
    public String target() {
        return settings.target();
    }
}
