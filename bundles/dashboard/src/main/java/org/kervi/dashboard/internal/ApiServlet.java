package org.kervi.dashboard.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.ServletOutputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import org.kervi.api.actions.ActionError;
import org.kervi.api.actions.ActionException;
import org.kervi.api.actions.ActionService;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.runtime.KerviRegistry;
import org.kervi.api.runtime.UnknownIdException;
import org.kervi.api.runtime.ValueEntry;
import org.kervi.api.values.ValueRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON API under {@code <path>/api}: see docs/dashboard-api.md. */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private final transient DashboardSettings settings;
    private final transient KerviRegistry registry;
    private final transient ActionService actions;
    private final transient JaasLogin login;
    private final transient LoginThrottle throttle;
    private final transient ModelSource models;
    private final transient StreamHub streams;
    private final transient History history;
    private final transient HistoryEndpoints histories;

    ApiServlet(DashboardSettings settings, KerviRegistry registry, ActionService actions, ModelSource models,
            StreamHub streams, History history, Supplier<ValueHistory> store) {
        this.settings = settings;
        this.registry = registry;
        this.actions = actions;
        this.login = new JaasLogin(settings.realm(), settings.viewRole(), settings.writeRole());
        this.throttle = new LoginThrottle(settings.loginLimits(), System::currentTimeMillis);
        this.models = models;
        this.streams = streams;
        this.history = history;
        this.histories = new HistoryEndpoints(registry, models, store, history);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        try {
            route(req, resp);
        } catch (HttpError e) {
            if (e.retryAfterSeconds() > 0) {
                resp.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            send(resp, e.status(), error(e));
        } catch (RuntimeException e) {
            LOG.warn("Dashboard request {} {} failed", req.getMethod(), req.getRequestURI(), e);
            send(resp, 500, error(new HttpError(500, "internal error: " + e)));
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod();
        switch (path) {
            case "/login" -> {
                requireMethod(method, "POST");
                login(req, resp);
                return;
            }
            case "/logout" -> {
                requireMethod(method, "POST");
                HttpSession s = req.getSession(false);
                if (s != null) {
                    RequestChecks.sameSite(req, RequestChecks.session(req));
                    s.invalidate();
                }
                resp.setStatus(204);
                return;
            }
            case "/session" -> {
                requireMethod(method, "GET");
                send(resp, 200, sessionJson(RequestChecks.session(req)));
                return;
            }
            default -> {
                // below
            }
        }
        UserSession session = RequestChecks.session(req);
        if (path.equals("/model")) {
            requireMethod(method, "GET");
            send(resp, 200, models.model(session).json());
        } else if (path.equals("/stream")) {
            requireMethod(method, "GET");
            openStream(req, resp, session);
        } else if (path.startsWith("/values/")) {
            String id = idAfter(path, "/values/");
            if (method.equals("PUT")) {
                writeValue(req, resp, session, id);
            } else {
                requireMethod(method, "GET");
                models.access(session).requireAllowed(id);
                send(resp, 200, WireValues.current(value(id).value()));
            }
        } else if (path.equals("/history")) {
            requireMethod(method, "GET");
            histories.json(req, resp, session);
        } else if (path.equals("/history.csv")) {
            requireMethod(method, "GET");
            histories.csv(req, resp, session);
        } else if (path.equals("/health")) {
            requireMethod(method, "GET");
            histories.health(resp);
        } else if (path.startsWith("/history/")) {
            requireMethod(method, "GET");
            String id = idAfter(path, "/history/");
            models.access(session).requireAllowed(id);
            value(id);
            JsonObject o = new JsonObject();
            o.addProperty("id", id);
            o.add("points", history.points(id));
            send(resp, 200, o);
        } else if (path.startsWith("/actions/")) {
            requireMethod(method, "POST");
            callAction(req, resp, session, idAfter(path, "/actions/"));
        } else {
            throw new HttpError(404, "no API at " + req.getRequestURI());
        }
    }

    private void login(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RequestChecks.sameSite(req, null);
        JsonObject body = RequestChecks.jsonBody(req, settings.maxBodyBytes());
        String user = text(body, "user");
        String password = text(body, "password");
        if (user == null || user.isBlank() || password == null) {
            throw new HttpError(400, "login needs \"user\" and \"password\"");
        }
        String from = req.getRemoteAddr();
        LoginThrottle.Attempt attempt = throttle.admit(user, from);
        UserSession session;
        char[] secret = password.toCharArray();
        try {
            session = login.login(user, secret);
        } catch (HttpError e) {
            if (e.status() == 401) {
                throttle.failed(attempt);
                LOG.warn("Dashboard login failed for user '{}' from {}", user, from);
            } else {
                throttle.succeeded(attempt);
            }
            throw e;
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
        throttle.succeeded(attempt);
        HttpSession http = SessionCookie.freshSession(req, resp, settings.path());
        http.setMaxInactiveInterval(settings.sessionTimeoutMinutes() * 60);
        http.setAttribute(UserSession.ATTRIBUTE, session);
        LOG.info("Dashboard login of user '{}' from {}", user, from);
        send(resp, 200, sessionJson(session));
    }

    private void writeValue(HttpServletRequest req, HttpServletResponse resp, UserSession session, String id)
            throws IOException {
        JsonObject body = changeRequest(req, session, id, "write values");
        if (!body.has("value")) {
            throw new HttpError(400, "expected {\"value\": ...}");
        }
        Object raw = WireValues.raw(body.get("value"), id);
        value(id);
        try {
            await(registry.setValue(id, raw));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownIdException) {
                throw new HttpError(404, cause.getMessage());
            }
            if (cause instanceof ValueRejectedException || cause instanceof IllegalArgumentException) {
                throw new HttpError(400, cause.getMessage());
            }
            if (cause instanceof TimeoutException) {
                throw new HttpError(504, cause.getMessage(), ActionError.TIMEOUT.name(), null);
            }
            throw new HttpError(502, id + ": the write failed: " + cause);
        }
        send(resp, 200, WireValues.current(value(id).value()));
    }

    private void callAction(HttpServletRequest req, HttpServletResponse resp, UserSession session, String id)
            throws IOException {
        JsonObject body = changeRequest(req, session, id, "call actions");
        List<Object> args = new ArrayList<>();
        JsonElement a = body.get("args");
        if (a != null && !a.isJsonNull()) {
            if (!a.isJsonArray()) {
                throw new HttpError(400, "\"args\" must be a JSON array, got " + WireValues.abbreviate(a));
            }
            for (JsonElement e : a.getAsJsonArray()) {
                args.add(e);
            }
        }
        if (actions.action(id).isEmpty()) {
            throw new HttpError(404, "unknown action id '" + id + "'", "UNKNOWN_ID", null);
        }
        Object result;
        try {
            result = await(actions.call(id, args, null));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ActionException ae) {
                throw new HttpError(status(ae), ae.getMessage(), ae.error().name(), ae.remoteType());
            }
            throw new HttpError(500, id + ": " + e.getCause(), "FAILED", e.getCause().getClass().getName());
        }
        JsonObject o = new JsonObject();
        o.add("result", WireValues.GSON.toJsonTree(result));
        send(resp, 200, o);
    }

    /** The body of a same-site request to change {@code id}, once the user may do that. */
    private JsonObject changeRequest(HttpServletRequest req, UserSession session, String id, String what)
            throws IOException {
        RequestChecks.sameSite(req, session);
        requireWrite(session, what);
        models.access(session).requireAllowed(id);
        return RequestChecks.jsonBody(req, settings.maxBodyBytes());
    }

    private <T> T await(CompletableFuture<T> future) throws ExecutionException {
        try {
            return future.get(settings.requestTimeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new HttpError(504, ActionException.timeoutMessage(Duration.ofSeconds(settings.requestTimeoutSeconds())),
                    ActionError.TIMEOUT.name(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted");
        }
    }

    private static int status(ActionException e) {
        return switch (e.error()) {
            case UNKNOWN_ID -> 404;
            case BAD_ARGUMENTS -> 400;
            case FORBIDDEN -> 403;
            case BUSY, INTERRUPTED -> 409;
            case FAILED -> 500;
            case OWNER_GONE, OVERLOADED -> 503;
            case TIMEOUT -> 504;
        };
    }

    private void openStream(HttpServletRequest req, HttpServletResponse resp, UserSession session)
            throws IOException {
        StreamSlots.Slot slot = streams.reserve(session, req.getRemoteAddr());
        StreamClient client;
        AsyncContext async;
        try {
            resp.setStatus(200);
            resp.setContentType("text/event-stream");
            resp.setCharacterEncoding("UTF-8");
            resp.setHeader("Cache-Control", "no-cache, no-store");
            resp.setHeader("X-Accel-Buffering", "no");
            async = req.startAsync();
            async.setTimeout(0);
            ServletOutputStream out = resp.getOutputStream();
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            resp.flushBuffer();
            AsyncContext started = async;
            client = streams.open(session, slot, req.getRemoteAddr() + ":" + req.getRemotePort(), out,
                    () -> complete(started));
        } catch (IOException | RuntimeException e) {
            slot.close();
            if (req.isAsyncStarted()) {
                complete(req.getAsyncContext());
            }
            throw e;
        }
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                client.close();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                client.close();
            }

            @Override
            public void onError(AsyncEvent event) {
                client.close();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do
            }
        });
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // completed by the container (the browser went away)
        }
    }

    private ValueEntry value(String id) {
        return registry.value(id).orElseThrow(() -> new HttpError(404, "unknown value id '" + id + "'"));
    }

    private static void requireWrite(UserSession session, String what) {
        if (!session.canWrite()) {
            throw new HttpError(403, "user '" + session.user() + "' may not " + what + " (role missing)");
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new HttpError(405, method + " is not allowed here; use " + expected);
        }
    }

    private static String idAfter(String path, String prefix) {
        String id = path.substring(prefix.length());
        if (!org.kervi.api.Ids.isValid(id)) {
            throw new HttpError(404, "'" + id + "' is not a valid id");
        }
        return id;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    private static JsonObject sessionJson(UserSession s) {
        JsonObject o = new JsonObject();
        o.addProperty("user", s.user());
        JsonArray roles = new JsonArray();
        s.roles().stream().sorted().forEach(roles::add);
        o.add("roles", roles);
        o.addProperty("canWrite", s.canWrite());
        o.addProperty("csrf", s.csrf());
        return o;
    }

    private static JsonObject error(HttpError e) {
        JsonObject o = new JsonObject();
        o.addProperty("error", e.getMessage());
        if (e.kind() != null) {
            o.addProperty("kind", e.kind());
        }
        if (e.type() != null) {
            o.addProperty("type", e.type());
        }
        return o;
    }

    static void send(HttpServletResponse resp, int status, JsonElement body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
