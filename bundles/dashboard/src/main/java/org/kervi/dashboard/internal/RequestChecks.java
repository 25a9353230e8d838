package org.kervi.dashboard.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;

/** What every request must satisfy before it is served: a session, the same origin, a small JSON body. */
final class RequestChecks {
    static final String CSRF_HEADER = "X-Kervi-Csrf";

    private RequestChecks() {}

    static UserSession session(HttpServletRequest req) {
        javax.servlet.http.HttpSession s = req.getSession(false);
        Object user = s == null ? null : s.getAttribute(UserSession.ATTRIBUTE);
        if (!(user instanceof UserSession session)) {
            throw new HttpError(401, "not logged in");
        }
        return session;
    }

    /**
     * Refuses requests a page of another site could make: they must be JSON (a cross-site form cannot send that
     * without the browser asking first), come from this origin when the browser says where from, and, once
     * logged in, carry the session's token.
     */
    static void sameSite(HttpServletRequest req, UserSession session) {
        String contentType = req.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "send JSON (Content-Type: application/json), not "
                    + (contentType == null ? "nothing" : contentType));
        }
        String fetchSite = req.getHeader("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            throw new HttpError(403, "cross-site request refused: sent from another site");
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(origin, req)) {
            throw new HttpError(403, "cross-site request refused: origin " + origin + " is not this server");
        }
        if ("null".equals(origin)) {
            throw new HttpError(403, "cross-site request refused: opaque origin");
        }
        if (session != null) {
            String token = req.getHeader(CSRF_HEADER);
            if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    session.csrf().getBytes(StandardCharsets.UTF_8))) {
                throw new HttpError(403, "cross-site request refused: missing or wrong " + CSRF_HEADER + " header");
            }
        }
    }

    private static boolean sameOrigin(String origin, HttpServletRequest req) {
        try {
            URI o = URI.create(origin);
            String host = req.getHeader("Host");
            return o.getScheme() != null && o.getScheme().equalsIgnoreCase(req.getScheme()) && host != null
                    && o.getAuthority() != null && o.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The request body as a JSON object: 413 when larger than {@code maxBytes}, 400 when not a JSON object. */
    static JsonObject jsonBody(HttpServletRequest req, int maxBytes) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            throw new HttpError(413, "request body of " + declared + " bytes is larger than the limit of " + maxBytes);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.max(32, (int) Math.max(0, declared)));
        byte[] buffer = new byte[4096];
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (body.size() + n > maxBytes) {
                    throw new HttpError(413, "request body is larger than the limit of " + maxBytes + " bytes");
                }
                body.write(buffer, 0, n);
            }
        }
        if (body.size() == 0) {
            throw new HttpError(400, "empty request body; expected a JSON object");
        }
        JsonElement e = StrictJson.parse(body.toString(StandardCharsets.UTF_8));
        if (!e.isJsonObject()) {
            throw new HttpError(400, "expected a JSON object, got " + WireValues.abbreviate(e));
        }
        return e.getAsJsonObject();
    }
}
