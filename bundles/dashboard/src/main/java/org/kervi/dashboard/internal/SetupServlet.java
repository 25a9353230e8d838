package org.kervi.dashboard.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.kervi.security.Credentials;
import org.kervi.security.FirstRunRefusedException;

/**
 * The first-run page: while no administrator exists, sets the first one's password. From this machine (loopback
 * address and a loopback host name, no proxy header) it needs nothing more; from elsewhere the one-time token
 * printed on the root's console and log.
 */
final class SetupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 4096;

    private final transient Credentials credentials;
    private final transient URL page;
    private final String dashboardPath;

    SetupServlet(Credentials credentials, URL page, String dashboardPath) {
        this.credentials = credentials;
        this.page = page;
        this.dashboardPath = dashboardPath;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (credentials.adminExists()) {
            send(resp, 410, "An administrator exists already: sign in at " + dashboardPath + "/");
            return;
        }
        if (page == null) {
            send(resp, 500, "the dashboard bundle has no web/setup.html");
            return;
        }
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        try (InputStream in = page.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        char[] password = null;
        try {
            RequestChecks.sameSite(req, null);
            JsonObject body = RequestChecks.jsonBody(req, MAX_BODY);
            String user = text(body, "user", true);
            password = text(body, "password", true).toCharArray();
            String token = text(body, "token", false);
            credentials.firstRun(user, password, token, fromThisMachine(req));
            JsonObject ok = new JsonObject();
            ok.addProperty("user", user);
            ok.addProperty("signIn", dashboardPath + "/");
            write(resp, 200, ok);
        } catch (HttpError e) {
            send(resp, e.status(), e.getMessage());
        } catch (FirstRunRefusedException e) {
            send(resp, 403, e.getMessage());
        } catch (IllegalArgumentException e) {
            send(resp, 400, e.getMessage());
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static String text(JsonObject body, String name, boolean required) {
        JsonElement value = body.get(name);
        if (value == null || value.isJsonNull()) {
            if (required) {
                throw new HttpError(400, "'" + name + "' is missing");
            }
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new HttpError(400, "'" + name + "' must be a string");
        }
        return value.getAsString();
    }

    /**
     * A loopback peer that also named a loopback host (so a DNS-rebinding page does not count) and came through no
     * proxy.
     */
    static boolean fromThisMachine(HttpServletRequest req) {
        if (req.getHeader("X-Forwarded-For") != null || req.getHeader("Forwarded") != null) {
            return false;
        }
        try {
            if (!InetAddress.getByName(req.getRemoteAddr()).isLoopbackAddress()) {
                return false;
            }
        } catch (UnknownHostException e) {
            return false;
        }
        String host = req.getHeader("Host");
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, Math.max(1, name.indexOf(']') + 1));
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name.equals("localhost") || name.equals("[::1]") || name.matches("127(\\.\\d{1,3}){3}");
    }

    private static void send(HttpServletResponse resp, int status, String message) throws IOException {
        JsonObject error = new JsonObject();
        error.addProperty("error", message);
        write(resp, status, error);
    }

    private static void write(HttpServletResponse resp, int status, JsonObject body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
