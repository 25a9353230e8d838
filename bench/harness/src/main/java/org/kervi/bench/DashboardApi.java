package org.kervi.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The dashboard's HTTP API as the harness uses it (docs/dashboard-api.md), over HTTP/1.1 as a browser's
 * {@code EventSource}: log in (each login is a new session), read the model and a value, open the live stream.
 */
final class DashboardApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String user;
    private final String password;

    /** {@code base}: the dashboard's path with a trailing slash, e.g. {@code http://127.0.0.1:8181/kervi/}. */
    DashboardApi(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    /** {@code POST api/login}: the {@code Cookie} header value of a new session; fails unless 200. */
    String login() throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("user", user);
        body.addProperty("password", password);
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/login")).timeout(TIMEOUT)
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

    /** Whether the model ({@code GET api/model}) lists the value, i.e. the live stream carries it. */
    boolean modelLists(String valueId) throws IOException, InterruptedException {
        HttpResponse<String> model = get("api/model", login());
        return model.statusCode() == 200 && JsonParser.parseString(model.body()).getAsJsonObject()
                .getAsJsonObject("values").has(valueId);
    }

    /** A number value's state now ({@code GET api/values/<id>}). */
    double number(String valueId) throws IOException, InterruptedException {
        HttpResponse<String> r = get("api/values/" + valueId, login());
        if (r.statusCode() != 200) {
            throw new IOException("GET api/values/" + valueId + ": " + r.statusCode() + " " + r.body());
        }
        return JsonParser.parseString(r.body()).getAsJsonObject().get("value").getAsDouble();
    }

    /** {@code GET api/stream} in a new session: the open response, whose body is the event stream. */
    HttpResponse<InputStream> openStream() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("api/stream"))
                .header("Accept", "text/event-stream")
                .header("Cookie", login())
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).timeout(TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
