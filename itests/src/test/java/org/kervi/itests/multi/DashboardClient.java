package org.kervi.itests.multi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A browser-like client of the dashboard's JSON API: keeps the session cookie, sends the CSRF token. */
final class DashboardClient {
    /** A response: status and JSON body (null when there was none). */
    record Reply(int status, JsonObject json, java.net.http.HttpHeaders headers) {
        String error() {
            return json == null || !json.has("error") ? "" : json.get("error").getAsString();
        }

        @Override
        public String toString() {
            return status + " " + json;
        }
    }

    private final String base;
    private final HttpClient http;
    private String csrf = "";

    DashboardClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A client of an HTTPS dashboard whose certificate {@code tls} trusts. */
    DashboardClient(String base, javax.net.ssl.SSLContext tls) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .sslContext(tls).build();
    }

    String base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    Reply login(String user, String password) {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("password", password);
        Reply r = send("POST", "api/login", body.toString(), Map.of());
        if (r.status() == 200) {
            csrf = r.json().get("csrf").getAsString();
        }
        return r;
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** A GET whose body is not JSON (a CSV download): the raw response. */
    HttpResponse<String> getText(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, Map.of("X-Kervi-Csrf", csrf));
    }

    Reply post(String path, String json) {
        return send("POST", path, json, Map.of("X-Kervi-Csrf", csrf));
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        return send(method, path, body, "application/json", headers);
    }

    Reply send(String method, String path, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String text = resp.body();
            JsonObject json = null;
            if (text != null && !text.isBlank()) {
                try {
                    JsonElement e = JsonParser.parseString(text);
                    json = e.isJsonObject() ? e.getAsJsonObject() : null;
                } catch (com.google.gson.JsonParseException notJson) {
                    json = null; // Jetty's own error page while the dashboard is not registered yet
                }
            }
            return new Reply(resp.statusCode(), json, resp.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens the live stream with this client's session. */
    SseStream stream() {
        return SseStream.open(http, URI.create(base + "api/stream"));
    }
}
