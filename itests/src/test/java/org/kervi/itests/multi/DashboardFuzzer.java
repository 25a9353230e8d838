package org.kervi.itests.multi;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kervi.itests.producer.TickProducer;

/**
 * One fuzzing thread against the dashboard's HTTP API until a deadline: random and mutated JSON bodies, methods,
 * paths and headers, with this thread's logged-in session or without one. Findings: a 5xx other than 503 (the
 * documented "overloaded / owner gone / too many streams"), a stack trace in any answer, or no answer and no close
 * within {@code bound}.
 */
final class DashboardFuzzer implements Runnable {
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(?m)(\\bat [\\w$]+(\\.[\\w$<>]+)+\\((Native Method|Unknown Source|[\\w$]+\\.java:\\d+)\\))|Caused by: ");
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "POST", "PUT", "PUT", "DELETE", "PATCH",
        "HEAD", "OPTIONS", "TRACE", "PROPFIND", "get", "G\u00c9T", "GET /", ""};
    private static final String[] BODIES = {"{\"value\":60}", "{\"value\":true}", "{\"value\":\"hot\"}",
        "{\"args\":[true]}", "{\"args\":[]}", "{\"user\":\"karaf\",\"password\":\"not-the-password\"}",
        "{\"user\":\"nobody\",\"password\":\"x\"}", "{\"value\":1e999999999}", "{\"value\":-1e999999999}",
        "{\"value\":NaN}", "{value:1}", "{\"value\":1 /* comment */}", "{\"value\":1} // comment",
        "{'value':1}", "{\"value\":1,}", "[1,2]", "\"text\"", "null", "{\"value\":{\"owner\":\"x\"}}",
        "{\"value\":12345678901234567890123456789}", "{\"value\":0.0000000000000000000000001}", ""};

    /** The bodies above that are JSON objects, the starting points of mutations. */
    private static final Set<String> VALID_OBJECTS = Arrays.stream(BODIES).filter(DashboardFuzzer::isObject)
            .collect(Collectors.toSet());
    /**
     * Methods the servlet container knows; for any other it answers 501 Not Implemented (RFC 9110, 15.6.2) before
     * the dashboard sees the request: the one 5xx besides 503 that is in order.
     */
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS",
            "TRACE");

    private final InetSocketAddress server;
    private final String hostHeader;
    private final String api;
    private final String session;
    private final String csrf;
    private final Mutations m;
    private final FuzzTally tally;
    private final long deadlineNanos;
    private final int boundMillis;

    /**
     * {@code api} is the API's path ({@code /kervi/api/}), {@code session} the {@code JSESSIONID} of this thread's
     * login and {@code csrf} its token.
     */
    DashboardFuzzer(InetSocketAddress server, String api, String session, String csrf, Mutations m, FuzzTally tally,
            long deadlineNanos, Duration bound) {
        this.server = server;
        this.hostHeader = server.getHostString() + ":" + server.getPort();
        this.api = api;
        this.session = session;
        this.csrf = csrf;
        this.m = m;
        this.tally = tally;
        this.deadlineNanos = deadlineNanos;
        this.boundMillis = (int) bound.toMillis();
    }

    @Override
    public void run() {
        while (System.nanoTime() < deadlineNanos) {
            List<String> what = new ArrayList<>();
            String method = m.pick(METHODS);
            byte[] request = request(method, what);
            try {
                long start = System.nanoTime();
                FuzzHttp.Response r = FuzzHttp.exchange(server, request, boundMillis);
                long millis = (System.nanoTime() - start) / 1_000_000;
                if (millis > 2_000) {
                    tally.count("http: answered after more than 2 s");
                }
                judge(method, String.join(" ", what), r);
            } catch (IOException e) {
                tally.finding("cannot reach the dashboard: " + e + " for " + String.join(" ", what));
            }
        }
    }

    private void judge(String method, String what, FuzzHttp.Response r) {
        if (r.hung()) {
            tally.finding("the dashboard neither answered nor closed within " + boundMillis + " ms: " + what);
            return;
        }
        tally.count("http: " + (r.status() < 0 ? "no answer, closed" : r.status() >= 500 ? r.status()
                : r.status() / 100 + "xx"));
        if (r.status() >= 500 && r.status() != 503 && !(r.status() == 501 && !KNOWN_METHODS.contains(method))) {
            tally.finding("HTTP " + r.status() + " for " + what + ": " + Mutations.abbreviate(r.body()));
        }
        if (STACK_TRACE.matcher(r.text()).find()) {
            tally.finding("a stack trace in the answer to " + what + ": " + Mutations.abbreviate(r.body()));
        }
    }

    private byte[] request(String method, List<String> what) {
        boolean withSession = m.random().nextBoolean();
        String path = path(method, withSession);
        byte[] body = body(method);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(m.random().nextInt(30) == 0 ? " HTTP/1.0" : " HTTP/1.1")
                .append("\r\n");
        header(head, "Host", m.random().nextInt(12) == 0 ? m.pick(new String[] {"evil.example", "",
            "127.0.0.1:1", "localhost:" + server.getPort(), "[::1]", m.text(m.between(1, 300))}) : hostHeader);
        head.append("Connection: close\r\n");
        if (m.random().nextInt(6) != 0) {
            header(head, "Content-Type", m.random().nextInt(8) != 0 ? "application/json" : m.pick(new String[] {
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=latin1", "application/jsonx", ""}));
        }
        if (withSession) {
            header(head, "Cookie", "JSESSIONID=" + session);
            if (m.random().nextInt(5) != 0 && !path.endsWith("logout")) {
                header(head, "X-Kervi-Csrf", m.random().nextInt(8) != 0 ? csrf : m.text(m.between(0, 40)));
            }
        } else if (m.random().nextInt(5) == 0) {
            header(head, "Cookie", "JSESSIONID=" + m.pick(new String[] {"planted", m.text(m.between(1, 200)),
                "x" + session, ""}));
        }
        if (m.random().nextInt(8) == 0) {
            header(head, "Origin", m.pick(new String[] {"null", "http://evil.example", "http://" + hostHeader,
                "file://", m.text(m.between(0, 50))}));
        }
        if (m.random().nextInt(10) == 0) {
            header(head, "Sec-Fetch-Site", m.pick(new String[] {"cross-site", "same-origin", "none"}));
        }
        if (m.random().nextInt(15) == 0) {
            int size = m.between(1_000, 40_000);
            header(head, "X-Fuzz", m.text(size));
            what.add("(a header of " + size + " chars)");
        }
        int length = body.length;
        if (m.random().nextInt(15) == 0 && body.length > 0) {
            length = m.between(0, body.length - 1); // shorter than sent: never longer, which would wait for bytes
            what.add("(Content-Length " + length + " of " + body.length + ")");
        }
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        head.append("\r\n");
        what.add(0, (withSession ? "[session] " : "[no session] ") + Mutations.abbreviate(method) + " "
                + Mutations.abbreviate(path));
        what.add(1, "body " + Mutations.abbreviate(new String(body, StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private String path(String method, boolean withSession) {
        String id = m.pick(new String[] {TickProducer.TICK, TickProducer.SETPOINT, "no_such_id",
            m.text(m.between(0, 80)), "..%2f..%2fetc%2fpasswd", "%00", "a/b", "%ff%fe", "ticker.tick/..", "*"});
        List<String> paths = new ArrayList<>(List.of("session", "model", "health", "values/" + id, "values/" + id,
                "actions/" + id, "actions/ticker.none", "history/" + id, "history?id=" + id + "&points="
                        + m.between(-5, 20_000), "history.csv?id=" + id + "&from=" + m.text(m.between(0, 20)),
                "history?id=" + id + "&from=" + m.random().nextLong() + "&to=" + m.random().nextLong(), "logout",
                "login", "", "..", "../..", "..;/..;/etc/passwd", "%2e%2e/%2e%2e/", "values", "actions/",
                "values/" + "x".repeat(m.between(1, 12_000))));
        if (!(withSession && method.equals("GET"))) {
            paths.add("stream"); // a session's GET would open a real stream, which stays open by design
        }
        String path = m.pick(paths);
        if (m.random().nextInt(10) == 0) {
            path = m.pick(new String[] {"/", "/kervi", "/kervi/", "/kervi/index.html", "/kervi/../system/console",
                "/kervi/web/../../etc/passwd", "/kervi/%2e%2e/%2e%2e/etc/passwd", "*", "http://evil.example/",
                "/" + m.text(m.between(0, 100))});
        } else {
            path = api + path;
        }
        // no space or line break: the request line stays one HTTP/1.1 line (else Jetty answers 505 to "HTTP/0.9")
        return path.replace(" ", "%20").replace("\r", "").replace("\n", "").replace("\t", "");
    }

    private byte[] body(String method) {
        if (method.equals("GET") && m.random().nextInt(5) != 0) {
            return new byte[0];
        }
        String valid = m.pick(BODIES);
        int kind = m.random().nextInt(10);
        if (kind < 3) {
            return valid.getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 7 && VALID_OBJECTS.contains(valid)) {
            JsonObject json = JsonParser.parseString(valid).getAsJsonObject();
            return m.mutate(json, 20_000).toString().getBytes(StandardCharsets.UTF_8);
        }
        if (kind < 9) {
            return m.damage(valid.getBytes(StandardCharsets.UTF_8));
        }
        return m.bytes(m.between(1, 20_000));
    }

    private static boolean isObject(String text) {
        try {
            return JsonParser.parseString(text).isJsonObject();
        } catch (JsonParseException notJson) {
            return false;
        }
    }

    private static void header(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value.replace("\r", "").replace("\n", "")).append("\r\n");
    }
}
