package org.kervi.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Logs in to the dashboard as a browser does ({@code POST <base>/api/login} with a JSON body) and returns the
 * session cookie ({@code JSESSIONID=...}) to send with later requests. Each call is a new session.
 */
final class DashboardLogin {
    private DashboardLogin() {
    }

    /** The {@code Cookie} header value of a new session; fails with the status and body unless 200. */
    static String login(HttpClient http, URI base, String user, String password) throws IOException,
            InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("password", password);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("login at " + request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0].trim())
                .filter(c -> c.startsWith("JSESSIONID="))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new IOException("login answered 200 without a JSESSIONID cookie: "
                        + response.headers().map()));
    }
}
